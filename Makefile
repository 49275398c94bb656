# The README's commands. `make run` serves the site with demo content; `make test` runs every test.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# Behind the front cache, gunicorn listens here (127.0.0.1 only).
APP_PORT ?= $(shell echo $$(($(PORT) + 1)))
FRONT_DIR := .local/nginx
FRONT_PACKAGES := nginx libnginx-mod-http-cache-purge libnginx-mod-http-brotli-filter
PURGE_MODULE := /usr/lib/nginx/modules/ngx_http_cache_purge_module.so
# `make run`'s gunicorn writes its PID here, so that `make stop` stops it too.
RUN_PID := .local/run-gunicorn.pid
GUNICORN := DJANGO_SETTINGS_MODULE=site_project.settings.dev DJANGO_DEBUG=false \
	$(VENV)/bin/gunicorn site_project.wsgi:application -c gunicorn.conf.py --pid $(RUN_PID)
TEST_DB_DIR := .local/pg-test

.PHONY: run test stop venv dev-venv browser front-packages check lint format demo clean bench \
	bench-gunicorn bench-markdown bench-import stack stack-packages bench-stack

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

# Through the front cache (nginx) when it is installed or installable, else gunicorn alone.
run: venv front-packages
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(PY) manage.py load_demo_content --if-empty
	$(PY) manage.py set_site_url http://127.0.0.1:$(PORT)
	$(PY) manage.py ensure_superuser
	@if $(PY) -m front_cache.nginx available; then \
		trap '$(PY) -m front_cache.nginx stop $(FRONT_DIR)' EXIT; \
		$(PY) -m front_cache.nginx start $(FRONT_DIR) --port $(PORT) \
			--upstream 127.0.0.1:$(APP_PORT) --static-root staticfiles --media-root media && \
		FRONT_CACHE_URLS=http://127.0.0.1:$(PORT) PORT=$(APP_PORT) $(GUNICORN); \
	else \
		echo "Serving from gunicorn directly (no front cache)."; \
		PORT=$(PORT) $(GUNICORN); \
	fi

# A small real deployment on one machine (stack/, docs/deployment.md): PostgreSQL behind
# pgbouncer, Redis, SeaweedFS's S3 gateway, two gunicorn instances and the front on PORT.
# It runs in the background until `make stop`.
INSTANCES ?= 2
STACK_PACKAGES := pgbouncer redis-server
stack: dev-venv front-packages stack-packages
	@$(PY) -m front_cache.nginx available || { echo "make stack needs nginx with the cache-purge module: sudo apt-get install $(FRONT_PACKAGES)" >&2; exit 1; }
	$(PY) -m stack start --port $(PORT) --instances $(INSTANCES)

stack-packages:
	@bash .ci/ensure-debian "the stack" /usr/sbin/pgbouncer pgbouncer
	@bash .ci/ensure-debian "the stack" /usr/bin/redis-server redis-server

front-packages:
	@bash .ci/ensure-debian --optional "the front cache" $(PURGE_MODULE) $(FRONT_PACKAGES)

browser:
	@bash .ci/ensure-debian "the browser tests" /usr/bin/chromium chromium

# The test cluster is throwaway: removed before (a killed run may have left one) and after.
test: dev-venv browser
	@bash .ci/ensure-debian "the front cache tests" $(PURGE_MODULE) $(FRONT_PACKAGES)
	@bash .ci/ensure-debian "the benchmark tests" /usr/bin/wrk wrk
	@bash .ci/ensure-debian "the shared cache tests" /usr/bin/redis-server redis-server
	@bash .ci/ensure-debian "the stack tests" /usr/sbin/pgbouncer pgbouncer
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
	@if [ -x $(PY) ]; then $(PY) -m stack.processes stop $(RUN_PID) --program gunicorn; \
		$(PY) -m front_cache.nginx stop $(FRONT_DIR); \
		$(PY) -m stack stop; \
		$(PY) -m site_project.localdb stop .local/pg; else echo "nothing to stop"; fi

# The benchmark behind docs/performance.md (bench/): nginx static, a bare Django floor, the
# front cache and the uncached site, interleaved, in a throwaway cluster (.local/pg-bench)
# removed afterwards. SIZES=10,1000,10000 adds the 10,000-page growth point (slow).
SIZES ?= 10,1000
bench: venv
	@bash .ci/ensure-debian "the benchmark" /usr/bin/wrk wrk
	@bash .ci/ensure-debian "the benchmark" $(PURGE_MODULE) $(FRONT_PACKAGES)
	$(PY) -m bench --sizes $(SIZES) $(BENCH_ARGS)

# gunicorn.conf.py's default workers x threads, measured (bench/sweep.py, ~5 minutes):
# writes docs/gunicorn-sweep.md. COMBOS=2x1,5x2 narrows it.
COMBOS ?= 2x1,2x2,3x1,3x2,4x2,5x1,5x2
bench-gunicorn: venv
	@bash .ci/ensure-debian "the benchmark" /usr/bin/wrk wrk
	$(PY) -m bench.sweep --combos $(COMBOS) $(BENCH_ARGS)

# The stack with one app instance and with two, side by side (bench/capacity.py, ~5 minutes):
# writes docs/capacity.md.
bench-stack: dev-venv stack-packages
	@bash .ci/ensure-debian "the benchmark" /usr/bin/wrk wrk
	$(PY) -m bench.capacity $(BENCH_ARGS)

# Pathological Markdown at the editor's limits, worst time per shape (docs/markdown-limits.md);
# exits 1 past the 200 ms target.
bench-markdown: venv
	$(PY) -m markdown_dialect.stress --repeat 5

# import_markdown on a generated 1,000-file 11ty site and one 3 MB file, in a throwaway cluster
# (.local/pg-bench-import); writes docs/import-speed.md, exits 1 past its targets.
bench-import: venv
	$(PY) -m importer.bench
