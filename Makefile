# Thin wrappers over scripts/.
.PHONY: demo test lint licenses messages

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
