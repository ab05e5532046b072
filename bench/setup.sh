#!/usr/bin/env bash
# Installs the benchmark-only packages (Lighthouse, puppeteer-core) from bench/package-lock.json,
# skipping the install when they are current. Apart from scripts/setup.sh so `make test`
# never pays for Lighthouse. puppeteer-core drives Debian's Chromium: no browser download.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  printf '\033[1msetup:\033[0m %s\n' "installing benchmark packages (bench/package-lock.json)"
  # Lighthouse 13 asks for Node 22 in its engines field but runs on Node 20: only a warning.
  PUPPETEER_SKIP_DOWNLOAD=1 npm ci --silent --no-audit --no-fund
fi
