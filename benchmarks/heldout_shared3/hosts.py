"""Hosts of the third set: pages, captures, memos, notes, testimonies, transcripts; gold rows.

Each host writes its own text around a planted copy and records the copy's range.
"""

from __future__ import annotations

import html
from typing import Any

from gen import ANSWER, ARTICLE, Doc, new, note, para, rng, sentence, short, story
from pools import CONSENT, GUIDE, HEAD, SLOTS

PLANTED: list[dict[str, Any]] = []
NEAR: list[dict[str, Any]] = []
SITES = {
    "en": [
        ("Haneul Bridge Network", "Home | Our work | Stories | Donate"),
        ("The Eastern Ledger", "News | Politics | Society | Opinion | Subscribe"),
    ],
    "ko": [
        ("북극성 재단", "홈 | 사업 소개 | 이야기 | 후원하기"),
        ("동부일보", "뉴스 | 정치 | 사회 | 오피니언 | 구독"),
    ],
}


def j(ps: list[str]) -> str:
    return "\n\n".join(ps)


def head(lang: str) -> str:
    return rng.choice(HEAD[lang])


# ---------------------------------------------------------------- hosts
def web(name: str, lang: str, key: str, written: str, plain: str, title: str = "") -> Doc:
    """A news or NGO page: menu, title, own lead, the passage, own closing, footer."""
    d = new(name, "web", lang)
    site, menu = rng.choice(SITES[lang])
    t = html.escape(title or head(lang))
    d.put(
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{t} - {site}</title></head>\n<body>\n<nav>{menu}</nav>\n<article>\n"
        f"<h1>{t}</h1>\n<p>{html.escape(para(ARTICLE, lang, 180))}</p>\n"
    )
    d.mark("planted", key, written, plain)
    d.put(
        f"\n<p>{html.escape(para(ARTICLE, lang, 140))}</p>\n</article>\n<footer>&copy; 2026 "
        f"{site}</footer>\n</body></html>\n"
    )
    return d


def capture(name: str, lang: str, key: str, text: str, title: str = "") -> Doc:
    """A page copied from a browser as plain text."""
    d = new(name, "capture", lang)
    crumb = "홈 > 소식 > 기사" if lang == "ko" else "Home > News > Articles"
    d.put(
        f"{title or head(lang)}\n{crumb}\n2026-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}\n\n"
        f"{para(ARTICLE, lang, 160)}\n\n"
    )
    d.mark("planted", key, text)
    d.put("\n\n" + ("목록으로" if lang == "ko" else "Back to list") + "\n")
    return d


def memo(name: str, lang: str, key: str, text: str, title: str = "") -> Doc:
    d = new(name, "memo", lang)
    d.put(
        f"# {title or ('분석 메모' if lang == 'ko' else 'Analytic memo')}\n\n{note(lang, 3)}\n\n"
        + ("## 자료\n\n" if lang == "ko" else "## Source\n\n")
    )
    d.mark("planted", key, text)
    d.put("\n\n" + ("## 생각\n\n" if lang == "ko" else "## Thoughts\n\n") + note(lang, 2) + "\n")
    return d


def fieldnote(name: str, lang: str, key: str, text: str) -> Doc:
    d = new(name, "fieldnote", lang)
    d.put(("현장 노트" if lang == "ko" else "Field notes") + f" {name.split('.')[0]}\n\n")
    d.put(note(lang, 3) + "\n\n")
    d.mark("planted", key, text)
    d.put("\n\n" + note(lang, 2) + "\n")
    return d


def testimony(name: str, lang: str, key: str = "", text: str = "", at: int = 1) -> Doc:
    """A long first-person testimony (수기); the copy, if any, after paragraph ``at``."""
    d = new(name, "testimony", lang)
    d.put("수기: 내가 걸어온 길\n\n" if lang == "ko" else "Testimony: the road here\n\n")
    ps = story(lang, rng.randint(1500, 2600))
    for i, p in enumerate(ps):
        d.put(p + "\n\n")
        if key and i == at:
            d.mark("planted", key, text)
            d.put("\n\n")
    return d


SPEAK = {
    "en": {
        "labels": ("Interviewer: ", "Participant: "),
        "qa": ("Q: ", "A: "),
        "stamps": ("INT: ", "P: "),
    },
    "ko": {
        "labels": ("면담자: ", "참여자: "),
        "qa": ("문: ", "답: "),
        "stamps": ("면담자: ", "참여자: "),
    },
}
N_INT = [0]


def interview(
    lang: str,
    style: str,
    ext: str = "txt",
    inside: tuple[str, str] | None = None,
    guide: list[str] | None = None,
) -> Doc:
    """A transcript: consent read first (protocol), the guide asked, answers; ``inside`` is a
    passage the participant reads aloud in the middle of an answer, on the same line."""
    N_INT[0] += 1
    k = N_INT[0]
    d = new(f"interview_{k:02d}_{lang}_{style}.{ext}", "interview", lang)
    iv, pa = SPEAK[lang][style]
    clock = [rng.randint(0, 40)]

    def turn(who: str) -> None:
        if style == "stamps":
            clock[0] += rng.randint(20, 140)
            s = clock[0]
            d.put(f"[{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d}] ")
        d.put(who)

    city = rng.choice(SLOTS["city"][lang])
    d.put(
        f"면담 {k:02d} / {city} / 2025년 {rng.randint(1, 12)}월\n\n"
        if lang == "ko"
        else f"Interview {k:02d}, {city}, 2025-{rng.randint(1, 12):02d}\n\n"
    )
    turn(iv)
    d.mark("protocol", "consent", CONSENT[lang])
    d.put("\n")
    turn(pa)
    d.put(("네, 동의합니다." if lang == "ko" else "Yes, I agree.") + "\n")
    for q, question in enumerate(guide or GUIDE[lang]):
        turn(iv)
        d.put(question + "\n")
        turn(pa)
        body = " ".join(ANSWER_S(lang, rng.randint(1, 4)))
        if rng.random() < 0.3:
            body = short(lang) + " " + body
        if inside and q == 2:
            lead = (
                "그 기사를 아직 갖고 있어서 읽어 드릴게요. "
                if lang == "ko"
                else "I still have that article, let me read it to you. "
            )
            d.put(body + " " + lead)
            d.mark("planted", inside[0], inside[1])
            d.put(
                " "
                + ("이렇게 써 있었어요. " if lang == "ko" else "That is what it said. ")
                + ANSWER_S(lang, 1)[0]
                + "\n"
            )
            continue
        d.put(body + "\n")
        if rng.random() < 0.4:
            turn(iv)
            d.put(("조금 더 말씀해 주시겠어요?" if lang == "ko" else "Could you say more?") + "\n")
            turn(pa)
            d.put(" ".join(ANSWER_S(lang, rng.randint(1, 3))) + "\n")
    turn(iv)
    d.put(
        ("오늘 시간 내 주셔서 감사합니다." if lang == "ko" else "Thank you for your time today.")
        + "\n"
    )
    return d


def ANSWER_S(lang: str, n: int) -> list[str]:  # noqa: N802 - reads like the pool
    return [sentence(ANSWER, lang) for _ in range(n)]


# ---------------------------------------------------------------- gold
def copy_of(d: Doc, key: str) -> dict[str, Any]:
    ms = [m for m in d.marks if m[0] == "planted" and m[1] == key]
    assert ms, (d.name, key)
    if len(ms) == 1:
        return {"doc": d.name, "start": ms[0][2], "end": ms[0][3], "text": ms[0][4]}
    return {
        "doc": d.name,
        "text": "\n\n".join(m[4] for m in ms),
        "parts": [{"start": m[2], "end": m[3], "text": m[4]} for m in ms],
    }


def plant(gid: str, lang: str, how: str, box: str, docs: list[Doc]) -> None:
    """One gold row per pair of copies (a group of three or four gives every pair)."""
    copies = [copy_of(d, gid) for d in docs]
    PLANTED.append({"gid": gid, "lang": lang, "how": how, "box": box, "copies": copies})
