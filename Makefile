# Thin wrappers over scripts/.
.PHONY: demo test lint licenses messages data bench-scoring bench-import bench-pages bench-suggestions bench-nature bench-bookings bench-reports bench-load

demo:  ## install, migrate, load the Kanazawa demo and serve http://127.0.0.1:8000 (PORT= overrides)
	scripts/demo.sh

test:  ## install the test dependencies and run the whole suite (unit, HTTP and browser tests)
	scripts/test.sh

lint:
	scripts/setup.sh dev
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .

licenses:  ## list the licences of the Python and front-end dependencies
	scripts/setup.sh dev
	.venv/bin/python scripts/licenses.py

messages:  ## extract UI strings into locale/*/LC_MESSAGES/django.po
	.venv/bin/tsunagu makemessages -l ja -l en --no-obsolete --ignore=node_modules --ignore=var --ignore=.venv --ignore="*/tests/*" --ignore=tests --ignore=scripts
	.venv/bin/python scripts/compile_messages.py

data:  ## show where the public datasets are looked for and how to get them
	scripts/data.sh

bench-scoring:  ## SDSN pipeline on 10 million synthetic values: polars vs pandas
	scripts/setup.sh dev
	.venv/bin/python scripts/bench_scoring.py

bench-import:  ## all five SSDSE-A editions into PostgreSQL, from empty and again
	scripts/setup.sh dev
	.venv/bin/python scripts/bench_import.py

bench-pages:  ## dashboards and scores API under 16 concurrent clients for 20 s
	scripts/setup.sh dev
	.venv/bin/python scripts/bench_pages.py

bench-suggestions:  ## SDG suggestions: per-goal accuracy on the labelled dev set (tune and held-out), ms per text
	scripts/setup.sh dev
	.venv/bin/python -m tsunagu.suggestions.engine.bench

bench-nature:  ## 1.2 million observations in PostgreSQL: map clusters p95 (<= 200 ms), DwC-A export of 1 million (<= 60 s, peak RSS)
	scripts/setup.sh dev
	.venv/bin/python scripts/bench_nature.py

bench-bookings:  ## craft bookings under 50 concurrent clients (gunicorn + PostgreSQL): bookings/s (>= 200), p95, oversold seats (0)
	scripts/setup.sh dev
	.venv/bin/python scripts/bench_bookings.py

bench-reports:  ## a bilingual VLR of about 60 pages from the demo (SQLite): generation time (<= 20 s), per stage, PDF pages
	scripts/setup.sh dev
	.venv/bin/python scripts/bench_reports.py

bench-load:  ## mixed workload (70% pages, 20% API, 10% writes), 64 clients pausing ~1 s, 60 s, gunicorn + PostgreSQL + Redis: req/s, p50/p95/p99 (p95 <= 250 ms), 5xx (0), oversold (0)
	scripts/setup.sh dev
	.venv/bin/python scripts/bench_load.py
