# Two commands do all the set-up on a fresh machine:
#   make app    install into .venv (pinned) and serve the Voila app on the default scenario
#   make test   install into .venv (pinned), get Debian's Chromium if missing, run every test and
#               build the documentation (CI)
# Everyday loop: make check (everything but the browser and slow tests, in parallel; about a minute here, the target is 40 s).
# make docs: the documentation site, offline, warnings as errors, into build/docs/html/.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8866
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check
# The lock and Binder's pins are compiled by uv from pyproject.toml (the commands are in their headers).
# Both leave out LEFT_OUT, and every install here and on Binder removes it: rfc3987-syntax (with lark,
# which nothing else needs) is jsonschema's checker of the "iri" formats, pulled in through
# jupyter-events -> jsonschema[format-nongpl], and it compiles ~35 parsers when jsonschema is
# imported (about 1.1 CPU-s in every Jupyter or Voila server, kernel-less nbformat user and pytest
# worker). No Jupyter schema uses those formats, and jsonschema skips a format it cannot check
# (docs/performance.md, seventh pass). pyproject.toml and the wheel still declare what they need.
LEFT_OUT := rfc3987-syntax lark
LOCK := $(BIN)/uv pip compile pyproject.toml --python-version 3.11 \
  $(foreach p,$(LEFT_OUT),--no-emit-package $(p))

.PHONY: app test check install browser bench lint lock screenshots mutate clean docs

# Python may write its bytecode caches (__pycache__/, ignored by git) even where the shell says not
# to: each test run starts dozens of processes (xdist workers, kernels, Voila servers) that would
# otherwise compile the package and the rewritten test modules again, ~4 s of CPU per collection.
unexport PYTHONDONTWRITEBYTECODE


$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(PIP) --no-deps -r requirements.lock
	$(BIN)/python -m pip uninstall --quiet --quiet --yes $(LEFT_OUT)
	$(PIP) --no-deps -e .
	$(BIN)/python -m pip check
	touch $(STAMP)

install: $(STAMP)

app: $(STAMP)
	$(BIN)/explorer app --port $(PORT)

# Debian's Chromium drives the browser tests; Playwright's own browser download is never used.
# Debian's nodejs and npm install configurable-http-proxy for the JupyterHub test.
browser:
	@test -x /usr/bin/chromium || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }
	@/usr/bin/chromium --version
	@command -v npm >/dev/null || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq nodejs npm >/dev/null; }

# make test: first the independent tests (everything but the browser and slow ones: unit tests,
# the app notebook through nbval, the walkthroughs once in tests/classroom's students' run), then
# the browser and slow tests; each part two at a time (xdist, by file: a file's servers and
# fixtures stay in one process, and each file starts its own servers on ports the system picks).
# Every wait in the browser and slow tests is on the state that must finally hold (issue #24), so
# a busy machine makes them slower, not wrong. Both parts print their slowest 20.
# The first part leaves tests/browser/ (every test there is a browser test) and Playwright's plugin
# out of its collection: each worker collects every file, and they are imported for nothing.
# Files are handed out longest first, as the last run timed them (tests/conftest.py keeps the
# times in .pytest_cache): no long file is left for the end while the other worker idles.
PYTEST_FAST := -m "not browser and not slow" -n 2 --dist loadfile --no-loadscope-reorder \
  --ignore-glob="notebooks/0*.ipynb" --ignore=tests/browser -p no:playwright
PYTEST_SLOW := -m "browser or slow" -n 2 --dist loadfile --no-loadscope-reorder
test: $(STAMP) browser lint docs
	$(BIN)/python -m pytest $(PYTEST_FAST) --durations=20; fast=$$?; \
	  $(BIN)/python -m pytest $(PYTEST_SLOW) --durations=20; slow=$$?; \
	  test $$fast = 0 && test $$slow = 0

# The everyday loop: make test's first part.
check: $(STAMP) lint
	$(BIN)/python -m pytest -q $(PYTEST_FAST)

# After editing dependencies in pyproject.toml: recompile both pin files (tests/test_packaging.py
# fails until they match), then `make install`.
lock: $(STAMP)
	$(LOCK) --all-extras -o requirements.lock
	$(LOCK) --extra app --extra lab -c requirements.lock -o binder/requirements.txt

# Refresh the README's screenshot (the browser test writes its own to a temporary folder).
screenshots: $(STAMP) browser
	EXPLORER_SCREENSHOT=assets/screenshot.png EXPLORER_SCREENSHOT_DIR=assets \
	  $(BIN)/python -m pytest -q -p no:cacheprovider \
	  tests/browser/test_app.py tests/browser/test_layout.py -k screenshot

# Flakiness check: the browser and server tests N times in a row, each a fresh session run as CI
# runs them (two at a time, by file);
# lists every test that failed at least once, with counts, and fails if any did: make flaky [N=5]
N ?= 5
.PHONY: flaky
flaky: $(STAMP) browser
	$(BIN)/python tests/flaky.py $(N)

# Mutation testing of the core's formulas ([tool.mutmut] in pyproject.toml); the working copy is mutants/.
mutate: $(STAMP)
	$(BIN)/mutmut run || true
	@$(BIN)/mutmut results | grep -v ": killed" || echo "every mutant was killed"

bench: $(STAMP)
	$(BIN)/python benchmarks/core_bench.py

# The documentation site (docs/build.py assembles docs/, the walkthroughs, the API pages and the
# catalog's tables, then runs Sphinx with -W); the walkthroughs' students' run is kept by content in
# build/walkthrough-runs/, shared with the handouts and the tests.
docs: $(STAMP)
	$(BIN)/python docs/build.py

# Ruff at line length 100 (pyproject.toml): part of `make test` and `make check`.
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis mutants build/test-cache build/walkthrough-runs

# The teacher's pack (plans, worksheets, answer keys, rubric, glossary, quiz) from the exercise
# definitions: make teacher-pack [PACK=folder]; build/ is gitignored.
PACK ?= build/teacher-pack
.PHONY: teacher-pack
teacher-pack: $(STAMP)
	$(BIN)/python -m explorer.cli teach pack --out $(PACK)

# Static handouts: walkthroughs 01-08 run and rendered to HTML with their outputs (reveals closed;
# explorer teach handouts --teacher opens them), the lesson
# widgets as plain HTML snapshots (EXPLORER_STATIC), no script from the network:
# make handouts [HANDOUTS=folder]; build/ is gitignored.
HANDOUTS ?= build/handouts
.PHONY: handouts
handouts: $(STAMP)
	$(BIN)/python -m explorer.cli teach handouts --out $(HANDOUTS)
