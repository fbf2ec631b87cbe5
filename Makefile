# geomap: `make demo` installs everything and builds the demo map; `make test` runs every test.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DEMO   := examples/kabul-2021.md

.PHONY: demo install test test-deps chromium gazetteer lint format bench clean

demo: install gazetteer
	$(BIN)/geomap build $(DEMO) -o maps/kabul-2021.html --svg
	@echo "open maps/kabul-2021.html in a browser (it works offline)"

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

# Build the offline gazetteer cache once (about 20 s); later loads take ~0.2 s.
gazetteer: install
	$(BIN)/python -c "from geomap.gazetteer import Gazetteer; print(f'gazetteer: {len(Gazetteer.load()):,} places')"

test-deps: $(VENV)/.test-installed

$(VENV)/.test-installed: $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

# Browser tests drive Debian's Chromium through Playwright (no browser download).
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
		echo "installing Debian's chromium for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	fi

test: test-deps chromium gazetteer lint
	$(BIN)/python -m pytest

lint: test-deps
	$(BIN)/ruff check src tests benchmarks geodata
	$(BIN)/ruff format --check src tests benchmarks geodata

format: test-deps
	$(BIN)/ruff check --fix src tests benchmarks geodata
	$(BIN)/ruff format src tests benchmarks geodata

bench: install gazetteer
	$(BIN)/python benchmarks/geoparse.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache
