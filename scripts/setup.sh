#!/usr/bin/env bash
# Installs every tool the build and the tests need, skipping what is already there.
# Safe to run again and again; `make serve` and `make test` call it first.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132
say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# Dependencies are fetched once so Trunk can build with offline = true.
cargo fetch --quiet

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"; then
  say "installing trunk $TRUNK_VERSION (about 8 minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# The CLI must match the wasm-bindgen crate in Cargo.lock exactly ("schema version" error).
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WBG_VERSION\$"; then
  say "installing wasm-bindgen-cli $WBG_VERSION (about 5 minutes, once)"
  # Not --locked: the locked build fails on a yanked crate version.
  cargo install wasm-bindgen-cli --version "$WBG_VERSION" --force
fi

# Debian's binaryen is too old; the npm package carries a current wasm-opt.
if ! wasm-opt --version 2>/dev/null | grep -q "version $BINARYEN_VERSION"; then
  say "installing wasm-opt (npm binaryen@$BINARYEN_VERSION)"
  npm install -g --silent "binaryen@$BINARYEN_VERSION"
fi

missing_apt=()
command -v chromium >/dev/null || missing_apt+=(chromium)
command -v chromedriver >/dev/null || missing_apt+=(chromium-driver)
# Real readers for what the app produces: the PDF (poppler, qpdf) and the zip.
command -v pdftotext >/dev/null || missing_apt+=(poppler-utils)
command -v qpdf >/dev/null || missing_apt+=(qpdf)
command -v unzip >/dev/null || missing_apt+=(unzip)
# The other two engines the journeys run in (tests/browser/support/engines.mjs): Firefox
# ESR, and WebKitGTK's MiniBrowser with its WebDriver, which needs an X display (Xvfb).
command -v firefox-esr >/dev/null || missing_apt+=(firefox-esr)
command -v WebKitWebDriver >/dev/null || missing_apt+=(webkit2gtk-driver)
command -v Xvfb >/dev/null || missing_apt+=(xvfb)
if [ ${#missing_apt[@]} -gt 0 ]; then
  say "installing ${missing_apt[*]} from Debian"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing_apt[@]}"
fi

# Browser-test and report dependencies (playwright-core, puppeteer-core, selenium-webdriver,
# axe-core), pinned by the lock file.
if [ ! -d tests/browser/node_modules ] || [ tests/browser/package-lock.json -nt tests/browser/node_modules/.package-lock.json ]; then
  say "installing browser-test packages"
  (cd tests/browser && npm ci --silent --no-audit --no-fund)
fi
