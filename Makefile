# The two set-up commands of the README. Both work on a fresh machine with Python 3.11 and npm.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install lint bench screenshots calibrate

run: install  ## index knowledge/, start the bot and the Microsoft 365 Agents Playground
	scripts/dev.sh

test: install  ## unit, integration, eval gate and browser end-to-end tests
	scripts/install_browser.sh || true
	$(BIN)/python -m pytest -q

install: $(STAMP) node_modules/.package-lock.json

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	# CPU torch first: otherwise pip pulls a multi-GB CUDA build for sentence-transformers.
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

lint: install  ## ruff, pyright (settings in pyproject.toml) and the import contracts
	$(BIN)/ruff check bot indexer tests bench
	npx --no-install pyright --pythonpath $(BIN)/python
	$(BIN)/lint-imports

bench: install
	$(BIN)/python bench/index.py
	$(BIN)/python bench/query.py

# Refit bot/facts/answer_model.json on the development questions (never eval/sealed/).
CALIBRATION_DATA ?= /tmp/laeringsbot-calibration
# w2-corpus2 and w9-corpus3 are written over eval/corpus2 and eval/corpus3 alone, each indexed
# on its own: over this index their sources are missing and every answer would look unfounded.
CALIBRATION_SETS := ../shared/eval/questions.jsonl ../shared/eval/real-dev.jsonl \
	$(filter-out eval/dev/w2-corpus2.jsonl eval/dev/w9-corpus3.jsonl,$(wildcard eval/dev/*.jsonl)) \
	$(wildcard eval/train/*.jsonl)
calibrate: install  ## index every corpus the development sets were written over, then fit
	$(BIN)/laeringsbot index knowledge ../shared/knowledge-real eval/corpus --data-dir $(CALIBRATION_DATA)
	$(BIN)/python -m bot.evaluation.calibrate --data-dir $(CALIBRATION_DATA) $(CALIBRATION_SETS)

screenshots: install  ## the browser test, keeping its pictures in docs/screenshots/
	scripts/install_browser.sh
	LAERINGSBOT_SCREENSHOTS=docs/screenshots LAERINGSBOT_E2E_CORE=real \
		$(BIN)/python -m pytest -q -m e2e tests/e2e
