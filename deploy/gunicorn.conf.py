"""gunicorn's settings for the clinic's site, read with `gunicorn -c deploy/gunicorn.conf.py`.

gunicorn must be reachable only from the proxy in front of it (deploy/nginx/): the site trusts
that proxy's X-Forwarded-For and X-Forwarded-Proto, which anyone else could forge.
"""

import multiprocessing
import os

from ground.logs import logging_config

# Loopback (or a private address only the proxy can reach); never a public interface.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
timeout = 30
graceful_timeout = 30
# A worker is replaced now and then, so a slow leak can never take a host down.
max_requests = 2000
max_requests_jitter = 200

# gunicorn 27 otherwise opens one control socket per user (~/.gunicorn/gunicorn.ctl), shared by
# every gunicorn that user runs on the host: a second site or a second instance would take it.
control_socket_disable = True

# JSON lines on stderr, with the request id and without query strings (admin searches carry
# patients' numbers and names there) or a visit link's token or a feed's key, in the same shape
# as the site's own log lines: access and error lines (its "Error handling request GET /…?q=…"
# too) go through ground/logs.py's JsonFormatter, which redacts both.
accesslog = "-"
logconfig_dict = logging_config(os.environ.get("LOG_LEVEL", "INFO"))
