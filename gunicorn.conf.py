"""gunicorn's settings for DIMOBEL (read from the working directory; docker-compose's web service uses it).

The workload: server-rendered pages of 10–150 ms that wait on PostgreSQL, a few slower organiser pages, uploads
up to 20 MB, and no long requests (PDF sheets and exports run on Celery). Threaded workers ("gthread") keep memory
low and let a worker serve other requests while one waits on the database; several processes keep one slow
request from blocking the others. Every value can be overridden from the environment (GUNICORN_CMD_ARGS).
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
# (2 × cores) + 1 processes, capped: each holds a database pool of DATABASE_POOL_MAX_SIZE connections.
workers = int(os.environ.get("WEB_CONCURRENCY", min(2 * multiprocessing.cpu_count() + 1, 9)))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", 4))
# A request that runs longer is a bug (heavy work belongs on Celery): the worker is replaced, not left hanging.
timeout = 30
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then, so a slow leak never grows; the jitter keeps them from restarting together.
max_requests = 1000
max_requests_jitter = 100
# Logs on stdout/stderr, for docker logs; the proxy sets X-Forwarded-For, Django reads it (TRUSTED_PROXY_COUNT).
accesslog = "-"
errorlog = "-"
access_log_format = '%({x-forwarded-for}i)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s %(M)sms "%(f)s" "%(a)s"'
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "*")  # only the proxy can reach gunicorn
limit_request_line = 8190
limit_request_field_size = 8190
