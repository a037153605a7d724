# newsfuse: `make demo` then `make test` on a fresh machine (Python 3.11, pip, gcc).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup demo test eval bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[model,dev]'
	touch $(STAMP)

demo: setup
	$(BIN)/newsfuse run examples/ --db newsfuse.duckdb
	$(BIN)/newsfuse report --db newsfuse.duckdb -o report.html

test: setup
	$(BIN)/python -m pytest

eval: setup
	$(BIN)/python -m evaluation

bench: setup
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) newsfuse.duckdb report.html .pytest_cache
