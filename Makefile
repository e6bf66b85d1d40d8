# Two commands for a newcomer: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SAMPLE := samples/000_6f7615cd0b320972.txt
OUT    := out

.PHONY: demo test test-fast lint bench clean check-python system-packages

check-python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=python3.11)")'

$(BIN)/python: | check-python
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Re-install whenever the project's dependencies change.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,cluster]'
	@touch $@

# System packages the tests and the demo use: Java (epubcheck), Chromium (browser tests and
# screenshots), ffmpeg (listening checks), CJK fonts (rendered pages). Installed with apt-get when missing.

system-packages:
	@missing=""; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium chromium-driver"; \
	command -v ffmpeg >/dev/null 2>&1 || missing="$$missing ffmpeg"; \
	{ command -v fc-list >/dev/null 2>&1 && fc-list :lang=zh | grep -q .; } || missing="$$missing fonts-noto-cjk"; \
	if [ -n "$$missing" ]; then \
		echo "Installing system packages:$$missing"; \
		command -v apt-get >/dev/null 2>&1 || { echo "apt-get is not available: install$$missing by hand"; exit 1; }; \
		SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

# The web edition's pages at phone width, light and dark, go to $(OUT)/screenshots/ to be looked at.
demo: $(VENV)/.installed system-packages
	$(BIN)/converter convert $(SAMPLE) -o $(OUT)
	$(BIN)/python -m tests.screenshots $(OUT)

# The linter and the type checker on the package (settings in pyproject.toml); `make test` runs them first.
lint: $(VENV)/.installed
	$(BIN)/ruff check converter
	$(BIN)/mypy converter

test: $(VENV)/.installed system-packages lint
	$(BIN)/python -m pytest

test-fast: $(VENV)/.installed
	$(BIN)/python -m pytest -m "not slow"

bench: $(VENV)/.installed
	@for b in benchmarks/*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis
