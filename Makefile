# Quick start: `make site` (install + build the site), `make test` (install + run the tests).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install site serve test lint eval bench clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

site: install
	$(BIN)/mkdocs build --strict

serve: install
	$(BIN)/mkdocs serve

test: install
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check generator tests benchmarks

eval: install
	$(BIN)/briefing eval

clean:
	rm -rf site .briefing-cache
