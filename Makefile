# DIMOBEL: the two commands are `make run` and `make test`. See README.md.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | cksum | cut -d' ' -f1)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: setup run test e2e lint fmt messages bench worker beat db-stop clean

$(STAMP): requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	rm -f $(VENV)/.installed-* && touch $(STAMP)

.env:
	cp .env.example .env

setup: $(STAMP) .env  ## virtualenv, dependencies and a development .env

run: setup  ## set up, migrate, seed the demo and serve on http://127.0.0.1:8000
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	$(PY) manage.py runserver $(HOST):$(PORT)

test: setup  ## the whole suite (browser tests run when /usr/bin/chromium is installed)
	$(PY) -m pytest $(PYTEST_ARGS)

e2e: setup  ## only the browser tests; screenshots land in var/e2e/
	$(PY) -m pytest tests/e2e $(PYTEST_ARGS)

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

fmt: setup
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: setup  ## extract strings into locale/*/django.po, then compile the .mo files (needs GNU gettext)
	$(PY) manage.py makemessages -l fr -l en -l nl -l ar --no-obsolete --no-location \
		--ignore=.venv --ignore=var --ignore=static --ignore=tests --ignore=docs
	$(PY) manage.py compilemessages --ignore=.venv

bench: setup  ## benchmarks print figures; they are not tests
	$(PY) -m bench

worker: setup  ## a Celery worker (needs REDIS_URL)
	$(VENV)/bin/celery -A dimobel worker --loglevel=INFO

beat: setup  ## the Celery beat scheduler (needs REDIS_URL)
	$(VENV)/bin/celery -A dimobel beat --loglevel=INFO

db-stop: setup  ## stop the embedded PostgreSQL (its data stays in var/postgres)
	$(PY) -c "from pathlib import Path; from dimobel.embedded_db import stop; stop(Path('.').resolve())"

clean:
	rm -rf $(VENV) var/staticfiles var/e2e .pytest_cache .ruff_cache
