"""The interface in English and Korean.

Each area of the workspace keeps its strings in ``messages/<area>.json``
(``{"en": {...}, "ko": {...}}``). Templates call ``t("key")``; a key missing
in Korean falls back to English, and a key missing in both shows as itself,
so a gap is visible, not fatal (a test lists the gaps).
"""

from __future__ import annotations

import json
from pathlib import Path

LANGUAGES = ("en", "ko")
MESSAGE_DIR = Path(__file__).parent / "messages"


def _load() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}
    for path in sorted(MESSAGE_DIR.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for lang in LANGUAGES:
            merged[lang].update(data.get(lang, {}))
    return merged


MESSAGES = _load()


def translate(language: str, key: str, **values: object) -> str:
    text = MESSAGES.get(language, {}).get(key) or MESSAGES["en"].get(key) or key
    return text.format(**values) if values else text


def pick_language(cookie: str | None, accept: str | None) -> str:
    """The cookie's choice, else the browser's first of ko/en, else English."""
    if cookie in LANGUAGES:
        return cookie
    for part in (accept or "").split(","):
        tag = part.split(";")[0].strip().lower()[:2]
        if tag in LANGUAGES:
            return tag
    return "en"
