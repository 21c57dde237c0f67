# dyadwatch — developer and CI commands. `make run` and `make test` are all a newcomer needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
SHARED ?= ../shared
DB     ?= dyadwatch.duckdb

.PHONY: install run serve test eval eval-all lint format typecheck bench lock clean

install: $(STAMP)

# The lock pins every package by version and sha256 (the spaCy model included); re-run
# `make lock` after changing dependencies in pyproject.toml. pip itself is pinned first, from
# requirements-pip.lock.
$(STAMP): requirements-pip.lock requirements.lock pyproject.toml
	@echo "Installing the pinned dependencies into $(VENV) ..."
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-pip.lock
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $(STAMP)

run: install
	@$(BIN)/dyadwatch run examples/articles --db $(DB)

# The dashboard and HTTP API on http://127.0.0.1:8000 (codes the examples first when the store is new).
serve: install
	@test -f $(DB) || $(BIN)/dyadwatch run examples/articles --db $(DB) --no-summary
	$(BIN)/dyadwatch serve --db $(DB)

test: install
	$(BIN)/python -m pytest -q

eval: install
	$(BIN)/dyadwatch eval --floors eval/floors.json --shared $(SHARED)

eval-all: install
	$(BIN)/dyadwatch eval $(wildcard $(SHARED)/gold/*.json) \
	  $(SHARED)/reference/peer/UniversalPetrarch/up_petr2_gsr_validation.jsonl \
	  $(SHARED)/reference/peer/petrarch2/petrarch2_unittest.jsonl \
	  $(SHARED)/reference/peer/UniversalPetrarch/up_unittest_udpipe2.jsonl \
	  $(SHARED)/reference/peer/UniversalPetrarch/dev-validate/up_validate_records_2_02.jsonl

lint: install
	$(BIN)/ruff check src tests

format: install
	$(BIN)/ruff format src tests

typecheck: install
	$(BIN)/mypy src

lock:
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links --extra model --extra dask --extra dev \
	  -o requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) $(DB) .pytest_cache .ruff_cache .mypy_cache src/*.egg-info

# Speed and memory against spaCy's own tokenizer and parse, then the store's insert rate and
# aggregate queries over a million synthetic events (never a timed test); writes
# bench-results/bench.json and bench-results/bench_store.json. LIMIT=N uses the first N articles.
bench: install
	$(BIN)/python scripts/bench.py --shared $(SHARED) $(if $(LIMIT),--limit $(LIMIT),)
	$(BIN)/python scripts/bench_store.py
