# make run   — create .venv, install, convert everything in samples/ into output/ (and output/report/)
# make test  — create .venv with the test dependencies, run the tests
# make bench — speed and memory figures (pages/s, documents/s, peak memory)
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test bench samples clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# exit status 1 means "converted, and some plans have error-level findings" (the samples have
# tasks without a lead unit on purpose); 2 and above are real failures
run: $(STAMP)
	$(PY) -m extract convert samples -o output --report; rc=$$?; [ $$rc -le 1 ]

test: $(STAMP)
	$(PY) -m pytest

bench: $(STAMP)
	$(PY) scripts/bench.py

samples: $(STAMP)
	$(PY) scripts/make_docx_samples.py
	$(PY) scripts/make_pdf_samples.py

clean:
	rm -rf output .pytest_cache
