#!/usr/bin/env bash
# Debian's LibreOffice Writer (no GUI) and poppler's pdftotext/pdftoppm, with
# Korean fonts and the metric twins of Word's Calibri and Cambria (Carlito, Caladea),
# for the test that renders the Word report to PDF and PNG
# (tests/analysis/test_report_docx_render.py): DOCX -> PDF -> PNG must show hangul.
# Idempotent: installs only what is missing and says what it did.
set -euo pipefail

PACKAGES=(
    libreoffice-writer-nogui poppler-utils
    fonts-noto-cjk fonts-crosextra-carlito fonts-crosextra-caladea
)

missing=()
for package in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done

soffice_path() { command -v soffice || command -v libreoffice || true; }

if [ -n "$(soffice_path)" ] && command -v pdftoppm >/dev/null 2>&1 && [ ${#missing[@]} -eq 0 ]; then
    echo "nothing to do: $(soffice_path), $(command -v pdftoppm) and fonts already installed"
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "no apt-get here: install LibreOffice (soffice) and poppler-utils by hand" >&2
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

if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]} (apt-get install -y)"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -q
    $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if [ -n "$(soffice_path)" ] && command -v pdftoppm >/dev/null 2>&1; then
    echo "installed: $(soffice_path) and $(command -v pdftoppm)"
else
    echo "apt-get finished but soffice or pdftoppm is missing" >&2
    exit 1
fi
