"""Every string of the interface exists in English and Korean."""

from __future__ import annotations

import re
from pathlib import Path

from moksori.web import i18n

WEB = Path(i18n.__file__).parent


def test_every_key_is_in_both_languages() -> None:
    en, ko = set(i18n.MESSAGES["en"]), set(i18n.MESSAGES["ko"])
    assert en - ko == set(), f"missing in Korean: {sorted(en - ko)}"
    assert ko - en == set(), f"missing in English: {sorted(ko - en)}"
    hangul = re.compile("[가-힣]")
    untranslated = [k for k, v in i18n.MESSAGES["ko"].items() if not hangul.search(v)]
    assert len(untranslated) <= len(ko) // 10, untranslated  # a few are names or symbols


def test_every_key_the_templates_use_exists() -> None:
    used: set[str] = set()
    for template in (WEB / "templates").glob("*.html"):
        used |= set(re.findall(r"""\bt\(\s*["']([\w.]+)["']""", template.read_text("utf-8")))
    # "upload.status." + status: a family of keys, checked by the pages' own tests
    fixed = {k for k in used if not k.endswith((".", "_"))}
    missing = sorted(k for k in fixed if k not in i18n.MESSAGES["en"])
    assert not missing, missing
    assert len(used) > 50


def test_languages_are_chosen_from_the_cookie_then_the_browser() -> None:
    assert i18n.pick_language("ko", "en-GB,en") == "ko"
    assert i18n.pick_language(None, "ko-KR,ko;q=0.9,en;q=0.8") == "ko"
    assert i18n.pick_language("fr", "fr-FR,de") == "en"
    assert i18n.translate("ko", "login.throttled", seconds=30).startswith("로그인 실패")
    assert i18n.translate("ko", "no.such.key") == "no.such.key"
