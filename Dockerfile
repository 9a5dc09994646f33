# The one image for web (gunicorn), worker and beat.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 1000 dimobel

WORKDIR /app
COPY requirements.txt .
RUN pip install -r requirements.txt

COPY --chown=dimobel:dimobel . .

# Static files are collected at build time, so the web tier stays stateless. The values below exist
# only for this step (settings refuse to start without them when DEBUG is off).
RUN SECRET_KEY=build-only-0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ \
    ALLOWED_HOSTS=build DATABASE_URL=postgres://build@localhost/build \
    STATIC_ROOT=/app/staticfiles \
    python manage.py collectstatic --noinput

# Named volumes take the owner of these folders, so uploads (and the static files collected again at each
# start, for the proxy) stay writable by the app's user.
RUN mkdir -p /app/media /app/private && chown -R dimobel:dimobel /app/media /app/private /app/staticfiles

USER dimobel
ENV STATIC_ROOT=/app/staticfiles
EXPOSE 8000
# gunicorn reads gunicorn.conf.py (workers, threads, timeouts, recycling).
CMD ["gunicorn", "dimobel.wsgi:application"]
