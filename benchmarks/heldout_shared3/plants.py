"""The planted copies and the near-misses of the third set (called once by build.py)."""

from __future__ import annotations

import html
import re

from gen import (
    ANSWER,
    ARTICLE,
    Doc,
    article,
    change_words,
    email_quote,
    fill,
    footnoted,
    html_of,
    md_of,
    new,
    note,
    ocr_en,
    ocr_ko,
    para,
    rng,
    sentence,
    srt_of,
    story,
)
from hosts import NEAR, capture, fieldnote, interview, j, memo, plant, testimony, web
from near import EVENT_EN, EVENT_KO, LETTER, LETTER_BODY, RELEASE, ROUTE, SHORT_QUOTE
from pools import HEAD, LONG_GUIDE, SLOTS

OTHER = {"en": "ko", "ko": "en"}


def ph(ps: list[str]) -> tuple[str, str]:
    """Plain paragraphs as HTML <p> blocks, and the text a reader sees."""
    return "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in ps), j(ps)


def sized(lang: str, lo: int, hi: int, bank: dict[str, list[str]] = ARTICLE) -> str:
    """One paragraph between ``lo`` and ``hi`` characters."""
    while True:
        out: list[str] = []
        while len(" ".join(out)) < lo:
            out.append(sentence(bank, lang))
        if len(" ".join(out)) <= hi:
            return " ".join(out)


def email(name: str, lang: str, key: str, text: str) -> Doc:
    """A reply whose quoted original holds the copy ('> ' lines)."""
    d = new(name, "email", lang)
    if lang == "ko":
        d.put(
            f"보낸 사람: 연구팀\n받는 사람: 현장 코디네이터\n제목: Re: 기사 공유\n\n"
            f"{note(lang, 2)}\n\n"
            f"2025년 {rng.randint(1, 12)}월 {rng.randint(1, 28)}일, 코디네이터 님이 작성:\n"
        )
    else:
        d.put(
            f"From: research team\nTo: field coordinator\nSubject: Re: article for the "
            f"project\n\n{note(lang, 2)}\n\nOn {rng.randint(1, 28)} March 2025, the "
            f"coordinator wrote:\n"
        )
    d.mark("planted", key, email_quote(text))
    d.put("\n\n-- \n" + ("연구팀 드림" if lang == "ko" else "Research team") + "\n")
    return d


def report(name: str, lang: str, key: str, text: str, page: int) -> Doc:
    """A PDF report extract: the copy broken by the page footer and the next page's header."""
    d = new(name, "report", lang)
    org = rng.choice(SLOTS["org"][lang])
    run = f"{org} 2025 연례보고서" if lang == "ko" else f"{org}: Annual Report 2025"
    d.put(f"{run}\n\n{para(ARTICLE, lang, 300)}\n\n")
    mid = len(text) // 2
    cut = text.index(" ", mid)
    d.mark("planted", key, text[:cut])
    d.put(f"\n\n{page}\n\n{run}\n\n")
    d.mark("planted", key, text[cut + 1 :])
    d.put(f"\n\n{para(ARTICLE, lang, 200)}\n\n{page + 1}\n")
    return d


def scan(name: str, lang: str, key: str, text: str) -> Doc:
    d = new(name, "scan", lang)
    d.put("신문 스크랩 (스캔본)\n\n" if lang == "ko" else "Scanned clipping from the bulletin\n\n")
    d.mark("planted", key, text)
    d.put(f"\n\n- {rng.randint(2, 30)} -\n")
    return d


def video(name: str, lang: str, key: str, text: str) -> Doc:
    """Subtitles of a recorded talk: own remarks, the statement read aloud, own remarks."""
    d = new(name, "subtitles", lang)
    before, _, n, t = srt_of(" ".join(sentence(ANSWER, lang) for _ in range(3)), 1, 5)
    cues, plain, n, t = srt_of(text, n, t)
    after, _, _, _ = srt_of(" ".join(sentence(ANSWER, lang) for _ in range(2)), n, t)
    d.put(before + "\n")
    d.mark("planted", key, cues, plain)
    d.put("\n" + after)
    return d


def minutes_crlf(name: str, key: str, ps: list[str]) -> Doc:
    """Meeting minutes saved on Windows: CRLF line ends, paragraphs indented with a tab."""
    d = new(name, "minutes", "en")
    d.put(
        f"Minutes of the steering group\r\n\r\nPresent: 6. Apologies: 1.\r\n\r\n"
        f"1. {note('en', 2)}\r\n\r\n2. Text circulated before the meeting:\r\n\r\n"
    )
    d.mark("planted", key, "\r\n\r\n".join("\t" + p for p in ps))
    d.put(f"\r\n\r\n3. {note('en', 2)}\r\n")
    return d


def planted() -> None:
    for k, lang in enumerate(["en", "ko"]):  # same text, HTML page and plain-text capture
        key = f"exact{k}"
        ps = article(lang, rng.randint(600, 900))
        a = web(f"news_{key}a.html", lang, key, *ph(ps))
        plant(
            key, lang, "exact", "web_capture", [a, capture(f"capture_{key}b.txt", lang, key, j(ps))]
        )
    for k, lang in enumerate(["en", "ko", "en", "ko"]):  # read aloud inside a speaker's turn
        key = f"read{k}"
        text = sized(lang, 320, 620)
        a = web(f"news_{key}a.html", lang, key, f"<p>{html.escape(text)}</p>", text)
        b = interview(lang, ["labels", "qa", "stamps", "labels"][k], inside=(key, text))
        plant(key, lang, "read_aloud_in_turn", "web_interview", [a, b])
    for k, lang in enumerate(["en", "ko", "en"]):  # quoted in an e-mail reply
        key = f"mail{k}"
        ps = article(lang, rng.randint(600, 1100))
        a = (capture if k % 2 else memo)(f"src_{key}a.{'txt' if k % 2 else 'md'}", lang, key, j(ps))
        plant(
            key,
            lang,
            "email_quoted",
            "source_email",
            [a, email(f"mail_{key}b.txt", lang, key, j(ps))],
        )
    for k, lang in enumerate(["en", "ko", "ko"]):  # broken by a page footer and header
        key = f"page{k}"
        ps = article(lang, rng.randint(900, 1500))
        a = web(f"ngo_{key}a.html", lang, key, *ph(ps))
        plant(
            key,
            lang,
            "page_break",
            "web_report",
            [a, report(f"report_{key}b.txt", lang, key, j(ps), 14 + k)],
        )
    for k in range(3):  # printed English, scanned
        key = f"ocren{k}"
        ps = article("en", rng.randint(700, 1300))
        a = (
            memo(f"memo_{key}a.md", "en", key, j(ps))
            if k != 1
            else web(f"news_{key}a.html", "en", key, *ph(ps))
        )
        plant(
            key,
            "en",
            "ocr_en",
            "source_scan",
            [a, scan(f"scan_{key}b.txt", "en", key, ocr_en(j(ps)))],
        )
    for k in range(4):  # Korean newspaper column, scanned
        key = f"ocrko{k}"
        ps = (
            article("ko", rng.randint(700, 1300))
            if k % 2 == 0
            else story("ko", rng.randint(700, 1200))
        )
        if k % 2 == 0:
            a = web(f"news_{key}a.html", "ko", key, *ph(ps))
        else:
            a = testimony(f"testimony_{key}a.txt", "ko", key, j(ps))
        plant(
            key,
            "ko",
            "ocr_ko",
            "source_scan",
            [a, scan(f"scan_{key}b.txt", "ko", key, ocr_ko(j(ps)))],
        )
    for k, lang in enumerate(["ko", "en", "ko"]):  # the title translated, the body the same
        key = f"title{k}"
        i = rng.randrange(len(HEAD["en"]))
        ps = article(lang, rng.randint(700, 1200))
        a = capture(f"capture_{key}a.txt", lang, key, j(ps), title=HEAD[lang][i])
        b = memo(f"memo_{key}b.md", lang, key, j(ps), title=HEAD[OTHER[lang]][i])
        plant(key, lang, "title_translated", "capture_memo", [a, b])
    for k, lang in enumerate(["en", "ko", "en"]):  # Markdown notes vs the HTML page
        key = f"mdhtml{k}"
        ps = article(lang, rng.randint(900, 1300))
        while len(ps) < 4:
            ps = article(lang, rng.randint(900, 1300))
        a = web(f"ngo_{key}a.html", lang, key, *html_of(ps))
        plant(
            key,
            lang,
            "markdown_vs_html",
            "web_memo",
            [a, memo(f"memo_{key}b.md", lang, key, md_of(ps))],
        )
    for k, lang in enumerate(["en", "ko"]):  # an essay with footnote calls vs a plain copy
        key = f"foot{k}"
        ps = article(lang, rng.randint(900, 1400))
        a = web(f"essay_{key}a.html", lang, key, *footnoted(ps))
        plant(
            key,
            lang,
            "footnote_calls",
            "web_capture",
            [a, capture(f"capture_{key}b.txt", lang, key, j(ps))],
        )
    for k, lang in enumerate(["en", "ko", "en", "ko"]):  # near the minimum length
        key = f"short{k}"
        text = sized(lang, 300, 450, ANSWER if k >= 2 else ARTICLE)
        a = fieldnote(f"fieldnote_{key}a.txt", lang, key, text)
        plant(key, lang, "short", "note_memo", [a, memo(f"memo_{key}b.md", lang, key, text)])
    key = "long0"  # a long testimony in a collection and on an NGO page
    ps = story("ko", 5300)
    a = testimony("collection_long0a.txt", "ko", key, j(ps), at=0)
    plant(key, "ko", "long", "testimony_web", [a, web("ngo_long0b.html", "ko", key, *ph(ps))])
    key = "long1"
    ps = article("en", 5600)
    a = capture("capture_long1a.txt", "en", key, j(ps))
    plant(key, "en", "long", "capture_memo", [a, memo("memo_long1b.md", "en", key, j(ps))])
    key = "long2"
    ps = article("ko", 5100)
    a = web("news_long2a.html", "ko", key, *ph(ps))
    plant(key, "ko", "long", "web_capture", [a, capture("capture_long2b.txt", "ko", key, j(ps))])
    for k, lang in enumerate(["en", "ko", "ko"]):  # an updated version: <= 5% of words edited
        key = f"edit{k}"
        ps = article(lang, rng.randint(800, 1200))
        a = web(f"news_{key}a.html", lang, key, *ph(ps))
        b = capture(f"capture_{key}b.txt", lang, key, change_words(j(ps), lang))
        plant(key, lang, "words_changed", "web_capture", [a, b])
    key = "crlf0"
    ps = article("en", 900)
    a = memo("memo_crlf0a.md", "en", key, j(ps))
    plant(key, "en", "crlf_tabs", "memo_minutes", [a, minutes_crlf("minutes_crlf0b.txt", key, ps)])
    for k, lang in enumerate(["en", "ko"]):  # a statement read out in a filmed talk
        key = f"srt{k}"
        ps = article(lang, rng.randint(700, 1000))
        a = web(f"ngo_{key}a.html", lang, key, *ph(ps))
        plant(key, lang, "subtitles", "web_srt", [a, video(f"talk_{key}b.srt", lang, key, j(ps))])
    key = "group3en"  # one press statement in three places
    ps = article("en", 900)
    docs = [
        web("ngo_group3en_a.html", "en", key, *ph(ps)),
        capture("capture_group3en_b.txt", "en", key, j(ps)),
        email("mail_group3en_c.txt", "en", key, j(ps)),
    ]
    plant(key, "en", "three_copies", "web_capture_email", docs)
    key = "group3ko"
    ps = article("ko", 800)
    docs = [
        web("news_group3ko_a.html", "ko", key, *ph(ps)),
        memo("memo_group3ko_b.md", "ko", key, j(ps)),
        fieldnote("fieldnote_group3ko_c.txt", "ko", key, j(ps)),
    ]
    plant(key, "ko", "three_copies", "web_memo_note", docs)
    key = "group4en"  # one article in four places, each in its own markup
    ps = article("en", 1100)
    while len(ps) < 4:
        ps = article("en", 1100)
    docs = [
        web("news_group4en_a.html", "en", key, *html_of(ps)),
        capture("capture_group4en_b.txt", "en", key, j(ps)),
        memo("memo_group4en_c.md", "en", key, md_of(ps)),
        email("mail_group4en_d.txt", "en", key, j(ps)),
    ]
    plant(key, "en", "four_copies", "web_capture_memo_email", docs)


def page(name: str, kind: str, lang: str, ps: list[str], title: str) -> Doc:
    """A near-miss document: its own text only (HTML page or plain text)."""
    d = new(name, kind, lang)
    if name.endswith(".html"):
        d.put(
            f"<html><head><title>{html.escape(title)}</title></head><body><h1>"
            f"{html.escape(title)}</h1>\n{ph(ps)[0]}\n</body></html>\n"
        )
    else:
        d.put(f"{title}\n\n{j(ps)}\n")
    return d


def near(kind: str, a: Doc, b: Doc) -> None:
    NEAR.append({"kind": kind, "docs": [a.name, b.name]})


def facts(lang: str, ps: list[str], fixed: dict[str, str]) -> list[str]:
    out = []
    for p in ps:
        for k, v in fixed.items():
            p = p.replace("{" + k + "}", v)
        out.append(fill(p, lang))
    return out


def near_misses() -> None:
    for k, (x, y) in enumerate(EVENT_EN + EVENT_KO):  # the same event, two reporters
        lang = "en" if k < len(EVENT_EN) else "ko"
        fx = {
            "city": rng.choice(SLOTS["city"][lang]),
            "org": rng.choice(SLOTS["org"][lang]),
            "n": str(rng.randint(12, 90)),
        }
        a = page(
            f"event{k}a.html",
            "web",
            lang,
            facts(lang, x, fx) + [para(ARTICLE, lang, 150)],
            head(lang),
        )
        b = page(
            f"event{k}b.txt",
            "capture",
            lang,
            facts(lang, y, fx) + [para(ARTICLE, lang, 150)],
            head(lang),
        )
        near("same_event", a, b)
    rel = {}
    for lang in ("en", "ko"):  # a press release and the story rewriting it
        fx = {"city": rng.choice(SLOTS["city"][lang]), "org": rng.choice(SLOTS["org"][lang])}
        x, y = RELEASE[lang]
        rel[lang] = page(f"release_{lang}.html", "web", lang, facts(lang, x, fx), head(lang))
        b = page(f"story_release_{lang}.txt", "capture", lang, facts(lang, y, fx), head(lang))
        near("press_release_rewrite", rel[lang], b)
    near("translation_pair", rel["en"], rel["ko"])
    a = new("testimony_route_a.txt", "testimony", "ko")  # two escapes along the same route
    b = new("testimony_route_b.txt", "testimony", "ko")
    for d, route in ((a, ROUTE[0]), (b, ROUTE[1])):
        d.put(
            "수기\n\n"
            + j(story("ko", 500))
            + "\n\n"
            + j(route)
            + "\n\n"
            + j(story("ko", 400))
            + "\n"
        )
    near("same_escape_route", a, b)
    for k, lang in enumerate(["en", "ko", "en"]):  # the same form letter, other content
        org = rng.choice(SLOTS["org"][lang])
        pair = []
        for side in "ab":
            d = new(f"letter{k}{side}.txt", "letter", lang)
            top, mid, end = LETTER[lang]
            who = (
                f"Applicant {rng.randint(1000, 9999)}"
                if lang == "en"
                else f"신청인 {rng.randint(1000, 9999)}"
            )
            body = [sentence(LETTER_BODY, lang) for _ in range(3)]
            d.put(top.format(who=who, org=org) + body[0] + mid + " ".join(body[1:]))
            d.put(end.format(org=org[:1].upper() + org[1:]))
            pair.append(d)
        near("form_letter", *pair)
    guided = [interview("en", "labels", guide=LONG_GUIDE) for _ in range(4)]  # the guide only
    near("long_guide_only", guided[0], guided[1])
    near("long_guide_only", guided[2], guided[3])
    for k, lang in enumerate(["en", "ko"]):  # both quote the same short slogan (< 300 chars)
        a = fieldnote(f"fieldnote_slogan{k}a.txt", lang, "none", SHORT_QUOTE[lang])
        b = memo(f"memo_slogan{k}b.md", lang, "none", SHORT_QUOTE[lang])
        near("short_shared_quote", a, b)
    for lang in ("en", "ko"):  # monthly figures from one template, other numbers
        pair = []
        for side in "ab":
            d = new(f"figures_{lang}_{side}.txt", "report", lang)
            lines = [fill(t, lang) for t in FIGURES[lang]]
            d.put("\n".join(lines) + "\n")
            pair.append(d)
        near("template_figures", *pair)


FIGURES = {
    "en": [
        "Monthly figures, {org}",
        "Calls received: {n}; of these {m} were about rent.",
        "Walk-in visits: {n}, up {m} percent on last month.",
        "Referrals to lawyers: {n}.",
        "Referrals to clinics: {n}; to schools: {m}.",
        "Volunteers active: {m}; hours: {n}.",
        "Food parcels handed out: {n}.",
        "Cases closed: {n}; cases still open: {n}.",
    ],
    "ko": [
        "{org} 월간 현황",
        "전화 상담: {n}건, 이 중 주거 관련 {m}건.",
        "방문 상담: {n}건, 전월 대비 {m}퍼센트 증가.",
        "변호사 연계: {n}건.",
        "의료기관 연계: {n}건, 학교 연계: {m}건.",
        "활동 자원봉사자: {m}명, 활동 시간: {n}시간.",
        "식료품 꾸러미 전달: {n}개.",
        "종결 사례: {n}건, 진행 중 사례: {n}건.",
    ],
}


def head(lang: str) -> str:
    return rng.choice(HEAD[lang])


_ = (re, Doc)
