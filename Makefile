# Kotoprofiili — the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
UV     := $(VENV)/bin/uv
STAMP  := $(VENV)/.installed

.PHONY: setup lock refresh refresh-online test check lint typecheck sqllint run bench status clean

setup: $(STAMP)

# pip installs only uv; uv installs the locked versions (requirements.lock) in seconds, and compiles them to
# bytecode once: where Python may not write .pyc files (PYTHONDONTWRITEBYTECODE, as on these machines) every
# process would otherwise compile pandas again (its import 3.0 s instead of 1.0 s).
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet "$$(grep '^uv==' requirements.lock)"
	$(UV) pip install --quiet --compile-bytecode --python $(PY) -r requirements.lock
	$(UV) pip install --quiet --python $(PY) --no-deps -e .
	touch $(STAMP)

# Re-pin every dependency after changing pyproject.toml.
lock:
	$(UV) pip compile pyproject.toml --extra test --extra dev --python-version 3.11 -q -o requirements.lock

refresh: setup
	$(PY) -m pipeline refresh

refresh-online: setup
	$(PY) -m pipeline refresh --online

status: setup
	$(PY) -m pipeline status

test: setup
	$(PY) -m pytest -n 2

# Quality gates: lint and format (ruff), types (mypy), SQL (sqlfluff, DuckDB dialect).
check: lint typecheck sqllint

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: setup
	$(VENV)/bin/mypy

sqllint: setup
	$(VENV)/bin/sqlfluff lint sql

run: refresh
	$(PY) -m streamlit run dashboard/app.py --server.headless true --browser.gatherUsageStats false

bench: setup
	$(PY) -m bench

clean:
	rm -rf data/curated/*.duckdb data/curated/*.tmp*
