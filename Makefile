# Quick start: `make site` (install + build the site), `make test` (install + run the tests).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install browser site zensical serve test lint eval bench clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

site: install
	$(BIN)/mkdocs build --strict

# The same site with Zensical (reads mkdocs.yml; the briefings, feed and search steps run around it).
zensical: install
	$(BIN)/briefing site --engine zensical --strict

serve: install
	$(BIN)/mkdocs serve --dirty

# Debian's chromium for the browser tests (tests/browser/); never fails: without it they are skipped.
browser:
	@if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing chromium for the browser tests"; \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >/dev/null 2>&1 \
	    || echo "could not install chromium: the browser tests will be skipped"; \
	fi

test: install browser
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check generator tests benchmarks

eval: install
	$(BIN)/briefing eval

clean:
	rm -rf site .briefing-cache
