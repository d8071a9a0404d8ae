# OpenNPS — the two commands: `make demo` and `make test`. Needs only Python >= 3.11 and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
DEMO_DATA_DIR ?= $(CURDIR)/var

.PHONY: demo test bench lint format install messages clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "OpenNPS needs Python 3.11 or newer; found " + sys.version.split()[0] + ". Run: make PYTHON=python3.11 ...")'
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	@touch $@

install: $(VENV)/.installed

demo: install
	OPENNPS_DATA_DIR=$(DEMO_DATA_DIR) $(BIN)/python scripts/demo.py --host $(HOST) --port $(PORT)

test: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	-$(BIN)/python scripts/ensure_browser.py
	$(BIN)/python scripts/run_tests.py

bench: install
	$(BIN)/python bench/run_all.py

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: install
	cd opennps && ../$(BIN)/opennps makemessages --all --no-obsolete --ignore 'samples/*' --ignore 'demo/*' && ../$(BIN)/opennps compilemessages

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
