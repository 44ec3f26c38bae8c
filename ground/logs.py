"""One JSON line per log event, for Django and gunicorn alike, each with the request's id.

Lines carry an ISO time with its offset and never a query string, referrer or form content:
admin searches put patients' numbers and names in query strings. Nor a secret in a path: a
visit link's token and a calendar feed's key open a patient's consultation and the clinic's
diary to whoever reads them, so every line passes through `redacted` (deploy/nginx/
log-format.conf does the same for nginx's access log).
"""

import contextvars
import json
import logging
import re
import uuid
from datetime import UTC, datetime

request_id = contextvars.ContextVar("request_id", default="")

# What a proxy may hand us as the request's id (nginx's $request_id is 32 hex digits).
PROXY_REQUEST_ID = re.compile(r"[A-Za-z0-9-]{8,64}")

REDACTED = "[redacted]"
# The path segment that is a secret: a visit link's token (in either language), a feed's key.
SECRET_SEGMENT = re.compile(r"(/consultation/time/visit/|/calendar/)[^/?#\s\"']+")
# A query string after a path, in any line (gunicorn's "Error handling request GET /…?q=…").
QUERY_STRING = re.compile(r"(/[^\s?\"']*)\?[^\s\"']+")


def redacted(text):
    """The text without the secrets paths carry and without query strings."""
    text = SECRET_SEGMENT.sub(rf"\g<1>{REDACTED}", text)
    return QUERY_STRING.sub(rf"\g<1>?{REDACTED}", text)


class RequestIdMiddleware:
    """Gives each request an id: the proxy's X-Request-ID when well formed, else a new one.

    It is in every log line of the request and in the response's X-Request-ID header, so a
    patient's "it didn't work" can be matched to the log without any personal detail.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.META.get("HTTP_X_REQUEST_ID", "")
        request.id = given if PROXY_REQUEST_ID.fullmatch(given) else uuid.uuid4().hex
        token = request_id.set(request.id)
        try:
            response = self.get_response(request)
        finally:
            request_id.reset(token)
        response["X-Request-ID"] = request.id
        return response


class JsonFormatter(logging.Formatter):
    def format(self, record):
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
        }
        if record.name == "gunicorn.access" and isinstance(record.args, dict):
            line.update(access_fields(record.args))
        else:
            line["message"] = redacted(record.getMessage())
            if request_id.get():
                line["request_id"] = request_id.get()
        if record.exc_info:
            line["exception"] = redacted(self.formatException(record.exc_info))
        return json.dumps(line, ensure_ascii=False)


def access_fields(atoms):
    """gunicorn's access-log atoms, less the query string, referrer and user agent."""
    return {
        "message": "request",
        "method": atoms.get("m"),
        "path": redacted(str(atoms.get("U", ""))),
        "status": int(atoms["s"]) if str(atoms.get("s", "")).isdigit() else atoms.get("s"),
        "bytes": atoms.get("B"),
        "duration_ms": atoms.get("M"),
        "request_id": atoms.get("{x-request-id}o") or atoms.get("{x-request-id}i") or "",
    }


def logging_config(level):
    """The LOGGING setting, and gunicorn's logconfig_dict (deploy/gunicorn.conf.py)."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": JsonFormatter}},
        "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "json"}},
        "root": {"handlers": ["stderr"], "level": level},
        "loggers": {
            # 404s are noise in production logs; errors still come through.
            "django.request": {"level": "ERROR"},
            # django-axes narrates every sign-in at INFO; failures and lockouts are WARNINGs.
            "axes": {"level": "WARNING"},
            "gunicorn.error": {"handlers": ["stderr"], "level": level, "propagate": False},
            "gunicorn.access": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        },
    }
