#!/usr/bin/env bash
# Every test: the dependencies against security/advisories.json (offline), types, lint, the server
# suites on SQLite and MariaDB, the Salesforce package's Lightning components (sfdx-lwc-jest), the
# components in Chromium, and the end-to-end browser test.
# Installs Debian's Chromium first when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/lib/chromium/chromium ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "== installing Debian's chromium for the browser tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is missing: run 'sudo apt-get install -y chromium' (the browser tests need /usr/lib/chromium/chromium)" >&2
    exit 1
  fi
fi

echo "== advisories";  npm run --silent check:advisories
echo "== types";       npm run --silent typecheck
echo "== lint";        npm run --silent lint
echo "== API contract"; npm run --silent lint:api
echo "== server (unit, SQLite, MariaDB)"; npx jest --ci
echo "== Lightning (LWC)"; npm run --silent test:lwc
echo "== components";  npm run --silent build && npm run --silent test:components
echo "== end to end";  npm run --silent test:e2e
echo "== all tests passed"
