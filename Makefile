# Two entry points: `make build` (the bundled icon set into dist/) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: build test lint format contact-sheet clean

$(BIN)/iconkit: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

# axe-core for the browser tests, pinned in package-lock.json.
node_modules/axe-core/axe.min.js: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

build: $(BIN)/iconkit
	$(BIN)/iconkit build --icons icons --out dist

lint: $(BIN)/iconkit
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: lint node_modules/axe-core/axe.min.js
	$(BIN)/pytest

format: $(BIN)/iconkit
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

contact-sheet: $(BIN)/iconkit
	$(BIN)/iconkit contact-sheet --icons icons -o docs/contact-sheet.png

clean:
	rm -rf $(VENV) dist node_modules
