# The README's commands. `make run` serves the site with demo content; `make test` runs every test.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
TEST_DB_DIR := .local/pg-test

.PHONY: run test stop venv dev-venv browser check lint format demo clean

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet '.'
	touch $@

$(VENV)/.installed-dev: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet '.[dev]'
	touch $(VENV)/.installed $@

venv: $(VENV)/.installed
dev-venv: $(VENV)/.installed-dev

run: venv
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(PY) manage.py load_demo_content --if-empty
	$(PY) manage.py ensure_superuser
	DJANGO_SETTINGS_MODULE=site_project.settings.dev DJANGO_DEBUG=false PORT=$(PORT) \
		$(VENV)/bin/gunicorn site_project.wsgi:application -c gunicorn.conf.py

browser:
	@bash .ci/ensure-chromium

# The test cluster is throwaway: removed before (a killed run may have left one) and after.
test: dev-venv browser
	$(PY) -m site_project.localdb destroy $(TEST_DB_DIR)
	LOCAL_DB_DIR=$(TEST_DB_DIR) $(PY) -m pytest $(PYTEST_ARGS); status=$$?; \
		$(PY) -m site_project.localdb destroy $(TEST_DB_DIR); exit $$status

check: dev-venv
	LOCAL_DB_DIR=$(TEST_DB_DIR) $(PY) manage.py check \
		&& LOCAL_DB_DIR=$(TEST_DB_DIR) $(PY) manage.py makemigrations --check --dry-run; \
		status=$$?; $(PY) -m site_project.localdb destroy $(TEST_DB_DIR); exit $$status
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

lint: dev-venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: dev-venv
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

demo: venv
	$(PY) manage.py load_demo_content

stop:
	@if [ -x $(PY) ]; then $(PY) -m site_project.localdb stop .local/pg; else echo "nothing to stop"; fi
