# Gongkai — 政府信息公开平台.  `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3.11
UV_VERSION := 0.13.9
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# `make run` shows the site's own 404 and 500 pages; `DEBUG=1 make run` shows Django's debug
# pages instead. Static files and uploads are served either way (supervisord.conf, gongkai/media.py).
DEBUG ?= 0
# supervisord's control socket and pid file under `make run` (supervisord.conf), beside the
# rest of what the site writes (GONGKAI_VAR_DIR, default var/).
RUN_DIR ?= $(or $(GONGKAI_VAR_DIR),$(CURDIR)/var)/run
# The suite runs in parallel, one pytest-xdist worker per core. `--dist load` hands each worker
# tests in collection order, which keeps pytest-django's order (transactional tests, which
# empty the database when they end, after all the others). TEST_WORKERS=0 runs serially.
TEST_WORKERS ?= auto
# At most this many tests handed to a worker at a time. xdist's default refills a worker with up
# to a quarter of what is left: the costly transactional tests, all at the end, went to one
# worker in one chunk, which ran them for 12 minutes while the other had nothing left to run
# (the SQLite pass on 2 cores, 24 minutes; tests/timeline.py shows each worker's time).
TEST_CHUNK ?= 2
# The slowest tests, printed at the end of every run: what CI's time is spent on; every test's
# time is in TEST_REPORT (JUnit XML: `python -m tests.timings test-results/*.xml` sums it).
TEST_DURATIONS ?= 40
TEST_REPORT ?= test-results/junit.xml
export PORT DEBUG

.DEFAULT_GOAL := help
.PHONY: help venv run test test-postgres lint format bench services services-stop run-deps system-deps demo clean messages

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-15s %s\n", $$1, $$2}'

$(BIN)/uv:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

# The stamp follows the lock file: a changed lock reinstalls, an unchanged one costs nothing.
$(VENV)/.synced: uv.lock pyproject.toml | $(BIN)/uv
	UV_PROJECT_ENVIRONMENT=$(VENV) $(BIN)/uv sync --locked --inexact --python $(BIN)/python
	@touch $@

# Browser-test tools from the npm registry (axe-core), pinned by package-lock.json; installed
# for `make test` only, once per lock change, so nothing is downloaded while the tests run.
# `make run` and `make venv` need no Node.js.
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "make test needs npm (Node.js >= 18) to install the browser tests' axe-core (package-lock.json): apt-get install npm, or see https://nodejs.org/. make run does not need it." >&2; exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund
	@touch $@

venv: $(VENV)/.synced ## build .venv from the lock file (Python only; no Node.js)

run: venv run-deps ## serve the site with a Celery worker and beat on http://127.0.0.1:$PORT/ (supervisord restarts a crashed one)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	@mkdir -p $(RUN_DIR)
	@echo "Gongkai: http://127.0.0.1:$(PORT)/   admin: http://127.0.0.1:$(PORT)/admin/   (Ctrl-C stops web, worker and beat)"
	PATH="$(CURDIR)/$(BIN):$$PATH" GONGKAI_RUN_DIR=$(RUN_DIR) $(BIN)/supervisord -c supervisord.conf

test: venv node_modules/.installed system-deps ## run the whole test suite (SQLite, embedded broker; needs npm for axe-core)
	$(BIN)/pytest -n $(TEST_WORKERS) --dist load --maxschedchunk=$(TEST_CHUNK) --durations=$(TEST_DURATIONS) --junitxml=$(TEST_REPORT) $(PYTEST_ARGS)

lint: venv ## ruff lint and format check; import-linter checks the layers (docs/architecture.md)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

format: venv ## ruff format and autofix
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: venv ## benchmarks, printing ratios
	$(BIN)/python -m bench

services: system-deps ## start PostgreSQL and Redis on 127.0.0.1 (prints the URLs to export)
	tests/services.sh start

services-stop: ## stop the services `make services` started
	tests/services.sh stop

# Debian packages, installed only when missing (needs root or sudo). The site needs Pango (WeasyPrint
# renders the PDFs: reports, 告知书, 审批单) and CJK fonts (the CAPTCHA is read aloud from Mandarin clips shipped
# with the code, disclosure/applications/spoken_digits: no speech synthesiser); the tests also need the browser for the
# browser tests and the PostgreSQL and Redis servers.
RUN_PACKAGES := fonts-noto-cjk libpango-1.0-0 libpangoft2-1.0-0
TEST_PACKAGES := chromium postgresql redis-server
define install-missing
	@missing=""; for p in $(1); do \
	  [ "$$(dpkg-query -W -f='$${db:Status-Status}' $$p 2>/dev/null)" = installed ] || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi
endef
run-deps:
	$(call install-missing,$(RUN_PACKAGES))
system-deps:
	$(call install-missing,$(RUN_PACKAGES) $(TEST_PACKAGES))

messages: venv ## update locale/ (makemessages; zh_Hans filled from the Chinese source strings; .mo compiled)
	$(BIN)/python manage.py update_messages

clean: ## remove the virtualenv, node_modules and local data (var/)
	rm -rf $(VENV) node_modules var
