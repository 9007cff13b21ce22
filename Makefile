# SafeDesk: `make run` starts the app with the demo unit, `make test` runs lint and the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run server test lint format venv clean screenshot translations bundle installer bundle-check

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[server,dev]'
	touch $(STAMP)

run: venv
	BIN=$(BIN) tools/run_demo.sh

# The reference server alone, in the foreground, with the data and port `make run` uses.
SERVER_DIR ?= $(or $(SAFEDESK_SERVER_DATA_DIR),.run/server)
SERVER_PORT ?= $(or $(SAFEDESK_SERVER_PORT),8765)
server: venv
	mkdir -p $(SERVER_DIR)
	$(BIN)/safedesk-server --demo --data-dir $(SERVER_DIR) --port $(SERVER_PORT)

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: venv
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q
	$(BIN)/python tools/build_installer.py check

# The Windows installer (docs/installer.md): the PyInstaller bundle in dist/SafeDesk/, the NSIS
# installer in dist/, and the check CI runs (bundle, its --self-test, makensis -WX).
bundle: venv
	$(BIN)/python tools/build_installer.py bundle

installer: bundle
	$(BIN)/python tools/build_installer.py installer

bundle-check: venv
	$(BIN)/python tools/build_installer.py check

# docs/screenshot-today.png and docs/screenshot-daily-check.png, under Xvfb at 1366x768.
screenshot: venv
	PYTHON=$(BIN)/python tools/screenshot.sh docs

# Refresh resources/translations/*.ts from the code and compile the .qm files (both committed).
translations: venv
	BIN=$(BIN) tools/translations.sh

clean:
	rm -rf $(VENV) build dist .run .pytest_cache .ruff_cache
