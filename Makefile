# `make run` and `make test` are all a newcomer needs: each builds .venv first when it is missing
# or older than pyproject.toml.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint rcc translations bench bench-peers clean bundle bundle-test bundle-clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) main.py

# The offscreen suite, then the real-display one (Xvfb with openbox, and with no window manager:
# tests/real_display.py says what to install when a program it needs is missing).
test: $(STAMP)
	$(VENV)/bin/ruff check .
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -n auto
	$(PY) tests/real_display.py -q

lint: $(STAMP)
	$(VENV)/bin/ruff check .

# After changing a user-facing string: update the .ts (then translate it), and build the .qm.
translations: $(STAMP)
	for ts in guide/ui/translations/guide_*.ts; do \
		$(VENV)/bin/pyside6-lupdate $$(find guide/ui -name "*.py" | sort) -ts $$ts -no-obsolete && \
		$(VENV)/bin/pyside6-lrelease $$ts -qm $${ts%.ts}.qm || exit 1; \
	done

# Performance figures (not part of `make test`): writes docs/PERFORMANCE.md, fails on a missed budget.
# Start-up is timed on Xvfb with openbox against the peer readers: `make bench-peers` installs
# them (as root) and times start-up alone.
PEERS := xvfb openbox kiwix zeal assistant-qt6 libqt6sql6-sqlite
bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/suite.py

bench-peers: $(STAMP)
	@if [ "$$(id -u)" = 0 ]; then \
		dpkg -s $(PEERS) >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq --no-install-recommends $(PEERS); }; \
	else \
		dpkg -s $(PEERS) >/dev/null 2>&1 || { echo "bench-peers: as root, or: sudo apt-get install $(PEERS)"; exit 1; }; \
	fi
	$(PY) benchmarks/peers.py

# Regenerate the compiled resources after changing resources.qrc or a file it lists.
rcc: $(STAMP)
	$(VENV)/bin/pyside6-rcc --format-version 1 resources.qrc -o guide/ui/resources_rc.py

clean:
	rm -rf $(VENV) build *.egg-info

# The standalone one-folder bundle for kiosks (needs no Python): dist/recovery-guide/. PyInstaller
# goes into .venv here, not into the test dependencies. Rebuilt when the program, its content or
# the packaging changes; `make bundle-test` runs the bundled program.
BUNDLE := dist/recovery-guide
BUNDLE_EXE := $(BUNDLE)/recovery-guide
BUNDLE_EXTRAS := packaging/recovery-guide.desktop packaging/recovery-guide.svg packaging/recovery-guide.service \
	packaging/install.sh

$(VENV)/bin/pyinstaller: | $(STAMP)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check 'pyinstaller>=6'

$(BUNDLE_EXE): $(STAMP) main.py packaging/recovery-guide.spec $(BUNDLE_EXTRAS) \
		$(shell find guide -type f -not -path '*/__pycache__/*' 2>/dev/null) | $(VENV)/bin/pyinstaller
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
		packaging/recovery-guide.spec
	cp $(BUNDLE_EXTRAS) $(BUNDLE)/
	touch $@

bundle: $(BUNDLE_EXE)

bundle-test: $(BUNDLE_EXE)
	packaging/bundle_test.sh $(BUNDLE_EXE)

bundle-clean:
	rm -rf $(BUNDLE) build/pyinstaller
