#!/bin/sh
# Install Warta with its test extras into ./.venv (plus, where it may, the Debian packages that the
# browser and Redis tests need), then run the whole test suite. Extra arguments go to pytest.
set -eu
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
# pip 23 cannot resolve lxml's "html-clean" extra that trafilatura asks for: a newer pip can.
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'
missing=""
[ -x /usr/bin/chromium ] || missing="$missing chromium"
command -v redis-server >/dev/null 2>&1 || missing="$missing redis-server"
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
  else
    echo "note:$missing not installed (needs root and apt-get); the tests that need them are skipped"
  fi
fi
set +e
# two workers (pytest-xdist): the crawl end-to-end tests wait on their portals and subprocesses
# more than they compute, so two cores run the suite in about three quarters of the time
.venv/bin/python -m pytest -n "${PYTEST_WORKERS:-2}" "$@"
status=$?
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests"
  status=0
fi
exit "$status"
