# kyzmat: `make run` serves the site with demo data; `make test` runs every check and test.
.DEFAULT_GOAL := help
SHELL := /bin/bash

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/kyzmat
# Test processes in parallel (pytest-xdist): one per core by default; TEST_WORKERS=0 runs in one.
TEST_WORKERS ?= auto

.PHONY: help
help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-12s %s\n", $$1, $$2}'

$(INSTALLED): requirements/dev.lock
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 12))' || \
		{ echo "kyzmat needs Python 3.12: set PYTHON=python3.12 (or use pyenv, which reads .python-version)."; exit 1; }
	scripts/system-packages gettext
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --require-hashes -r requirements/dev.lock
	touch $@

.PHONY: install
install: $(INSTALLED) ## Create .venv from the lock file and compile the translations
	$(BIN)/python manage.py compilemessages --ignore '.venv' --ignore 'var' -v0

.PHONY: run
run: install ## Install, migrate, load the demo data and serve on http://127.0.0.1:8000/
	$(BIN)/python manage.py migrate --noinput -v0
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

.PHONY: serve-production
serve-production: install ## Serve the demo the way production runs: gunicorn, WhiteNoise, Redis if REDIS_URL is set
	HOST=$(HOST) PORT=$(PORT) scripts/serve-production

.PHONY: test
test: install ## Lint, checks, and the whole suite on SQLite and on PostgreSQL
	scripts/system-packages chromium fonts-liberation
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py check --fail-level WARNING
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/bandit -q -r . -x ./tests,./.venv,./bench,./var -ll
	$(BIN)/pytest -n $(TEST_WORKERS) --dist worksteal --durations=25
	TEST_WORKERS=$(TEST_WORKERS) scripts/test-postgres "$(POSTGRES_URL)"

.PHONY: security
security: install ## Look for security issues in the code with bandit (medium severity and up)
	$(BIN)/bandit -q -r . -x ./tests,./.venv,./bench,./var -ll

.PHONY: lint
lint: install ## Check style with ruff
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

.PHONY: format
format: install ## Format and fix with ruff
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

.PHONY: messages
messages: install ## Update both translation catalogues from the code and templates
	$(BIN)/python manage.py makemessages --locale ky --locale ru --ignore '.venv/*' --ignore 'var/*' --ignore 'tests/*' --ignore 'bench/*' --no-obsolete --add-location file

.PHONY: lock
lock: install ## Re-resolve the lock files from pyproject.toml
	$(BIN)/uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.12 --universal -o requirements/dev.lock -q
	$(BIN)/uv pip compile pyproject.toml --extra elasticsearch --extra opensearch --generate-hashes --python-version 3.12 --universal -o requirements/production.lock -q
