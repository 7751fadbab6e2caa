#!/usr/bin/env bash
# Debian's chromium for the browser tests (tests/web/e2e), with Korean and
# emoji fonts so screenshots show hangul rather than empty boxes.
# Idempotent: installs only what is missing and says what it did.
# Playwright drives this system browser; never run `playwright install`.
set -euo pipefail

CHROMIUM=/usr/bin/chromium
PACKAGES=(chromium fonts-noto-cjk fonts-noto-color-emoji)

missing=()
for package in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done

if [ -x "$CHROMIUM" ] && [ ${#missing[@]} -eq 0 ]; then
    echo "nothing to do: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM") and fonts already installed"
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "no apt-get here: install Chromium by hand so that $CHROMIUM exists" >&2
    exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "not root and no sudo: run this script as root" >&2
        exit 1
    fi
fi

echo "installing: ${missing[*]} (apt-get install -y)"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"

if [ -x "$CHROMIUM" ]; then
    echo "installed: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
else
    echo "apt-get finished but $CHROMIUM is missing" >&2
    exit 1
fi
