# The two commands the README promises: `make serve` and `make test`. Everything they need is
# installed from PyPI, npm and Debian's packages by the targets below.

# Any Python from 3.11 on: `python3` when it is new enough, else the newest python3.N on the PATH.
# `make PYTHON=/path/to/python3.x ...` picks another.
PYTHON ?= $(shell scripts/find-python)
VENV := .venv
BIN := $(VENV)/bin
HOST_PORT ?= 127.0.0.1:8000

.PHONY: serve test test-fast setup lint format clean translations

serve: $(VENV)/.installed translations
	DJANGO_DEBUG=true $(BIN)/python manage.py migrate --no-input
	DJANGO_DEBUG=true $(BIN)/python manage.py runserver $(HOST_PORT)

test: setup
	$(BIN)/pytest

# Every test but the system tier (servers, other processes, browsers), and fewer generated inputs
# for each property test: about a minute.
test-fast: $(VENV)/.installed translations
	$(BIN)/pytest -m "not system" --hypothesis-profile=fast

setup: $(VENV)/.installed node_modules/.installed translations
	scripts/install-system-packages

# The .mo files are built from the committed .po files, never committed themselves. Babel
# compiles them in Python, so no system gettext is needed to serve the site. Only when a .po is
# newer: CI runs two suites at once from one checkout, and neither may see a half-written file.
CATALOGUES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/django.po))
translations: $(CATALOGUES)

locale/%/LC_MESSAGES/django.mo: locale/%/LC_MESSAGES/django.po $(VENV)/.installed
	$(BIN)/pybabel compile --domain django --input-file $< --output-file $@

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: $(VENV)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

$(VENV)/.installed: pyproject.toml
	@test -x $(BIN)/python || test -n "$(PYTHON)"
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

# --ignore-scripts: vnu-jar's install script would download a Java runtime; the machine's is used.
# The Observatory's HSTS preload list is a download too: an empty one (our domain isn't preloaded;
# the scan then judges the header alone).
OBSERVATORY_CONF := node_modules/@mdn/mdn-http-observatory/conf
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	echo '{}' > $(OBSERVATORY_CONF)/hsts-preload.json
	touch $@

clean:
	rm -rf $(VENV) node_modules staticfiles test-artifacts .pytest_cache
