"""A WSGI app that fails outside Django, so gunicorn writes its own "Error handling request"."""


def application(environ, start_response):
    if environ["PATH_INFO"] == "/healthz":
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"ok\n"]
    raise RuntimeError("failed outside Django")
