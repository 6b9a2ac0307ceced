#!/usr/bin/env bash
# The README's test command: installs what the tests need and is missing (a Chromium, for the browser timings), then
# runs every test. On Debian or Ubuntu as root it installs Debian's chromium; elsewhere it says what to install.
set -euo pipefail
cd "$(dirname "$0")/.."

has_browser() {
  if [ -n "${CHROME_PATH:-}" ] && [ -x "$CHROME_PATH" ]; then return 0; fi
  for name in chromium chromium-browser google-chrome google-chrome-stable microsoft-edge; do
    if command -v "$name" >/dev/null 2>&1; then return 0; fi
  done
  return 1
}

if ! has_browser; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "build/test.sh: installing Chromium for the browser tests (apt-get install -y chromium)" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "build/test.sh: the browser tests need Chromium, Chrome or Edge. Install one (Debian/Ubuntu: sudo apt-get install -y chromium; Fedora: sudo dnf install chromium; macOS: brew install --cask chromium; Windows: Chrome or Edge), or set CHROME_PATH to it." >&2
    exit 1
  fi
fi

exec dotnet test BundleBudget.sln "$@"
