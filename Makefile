# Kotoprofiili — the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: setup refresh refresh-online test run bench status clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

refresh: setup
	$(PY) -m pipeline refresh

refresh-online: setup
	$(PY) -m pipeline refresh --online

status: setup
	$(PY) -m pipeline status

test: setup
	$(PY) -m pytest

run: refresh
	$(PY) -m streamlit run dashboard/app.py --server.headless true --browser.gatherUsageStats false

bench: setup
	$(PY) -m bench

clean:
	rm -rf data/curated/*.duckdb data/curated/*.tmp* 
