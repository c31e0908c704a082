# Caravan: the single entry point. `make run` to try it, `make test` to check it.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint format serve bench migrate demo install install-dev test-tools clean

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit("Caravan needs Python 3.11 or newer; set PYTHON=python3.11") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

# Reinstall only when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(PY)
	$(PIP) install --quiet -e .
	@touch $@

$(VENV)/.installed-dev: pyproject.toml | $(PY)
	$(PIP) install --quiet -e ".[dev]"
	@touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# What the quality tests run besides Python: Debian's Chromium (browser tests, never a browser
# download), the W3C Nu validator and axe-core from the npm registry (with the machine's Java),
# and Debian's redis-server (each Redis test starts its own, on a free port, and stops it).
TOOLS := tests/tools
$(TOOLS)/node_modules/.installed: $(TOOLS)/package.json $(TOOLS)/package-lock.json
	npm ci --prefix $(TOOLS) --no-audit --no-fund --loglevel=error
	@touch $@

test-tools: $(TOOLS)/node_modules/.installed
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian's chromium for the browser tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "The browser tests need Chromium: sudo apt-get install chromium" >&2; exit 1; fi; }
	@command -v java >/dev/null 2>&1 || { echo "The HTML validator needs Java (apt-get install default-jre-headless)" >&2; exit 1; }
	@command -v redis-server >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian's redis-server for the shared cache and task queue tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null; \
	    service redis-server stop >/dev/null 2>&1 || true; \
	  else echo "The Redis tests need redis-server: sudo apt-get install redis-server" >&2; exit 1; fi; }

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py demo

# The web server and, beside it, one background worker (imports, scheduled publishing, feeds);
# both stop together.
run: demo
	$(PY) manage.py ensure_dev_admin
	@$(PY) manage.py worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

test: install-dev test-tools
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/lint-imports --no-cache
	$(PY) -m pytest

# Production-style serving: gunicorn behind your proxy (see README, "Running in production").
serve: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput
	$(VENV)/bin/gunicorn -c cmsproject/gunicorn.py cmsproject.wsgi

# Figures for the README's Performance section (builds its own datasets in a throwaway database).
bench: install
	$(PY) manage.py benchmark --json var/benchmark.json

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install-dev
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean:
	rm -rf $(VENV) var/static .pytest_cache .ruff_cache tests/tools/node_modules test-artifacts
