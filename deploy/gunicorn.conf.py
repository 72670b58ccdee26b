"""gunicorn settings of the web service (tsunagu-web.service, `make bench-load`).

Threads suit Tsunagu: requests mostly wait on PostgreSQL and Redis, and each thread keeps a
database connection from the process's pool (DB_POOL_MAX_SIZE must be >= the threads).
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
worker_class = "gthread"
# One process per core plus one; each serves GUNICORN_THREADS requests at once.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "8"))
# Report generation and Darwin Core imports run in Celery, so no request should take long;
# a worker stuck this long is killed and replaced.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
keepalive = 5  # behind nginx, which reuses its upstream connections
# Recycle workers now and then, so that a slow leak never grows unbounded.
max_requests = 5000
max_requests_jitter = 500
# Only the proxy on this host may say which scheme and client a request came from; on an app
# server behind a separate proxy set FORWARDED_ALLOW_IPS to the proxy's address.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None  # nginx keeps the access log
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# systemd manages the processes by signals; the control socket (gunicorn >= 25) would need a
# writable directory under a read-only system.
control_socket_disable = True
