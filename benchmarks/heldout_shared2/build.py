"""Build the second held-out shared-passage set (fixed seed): documents, copies, near-misses.

    python benchmarks/heldout_shared2/build.py   # writes docs/ and gold.json, checks stray overlaps

Everything is fictional. Written blind to the detector, its benchmark and the first held-out
set's figures; the alterations differ from the first set (quotes inside a paragraph, copies
split in two, OCR noise, Korean spacing, translated titles, HTML vs plain text with lists,
groups of three and four copies). Run once; the files are committed and never re-tuned.
Gold ranges are code points of the files as written; ``text`` is the copy as a reader sees it.
"""

from __future__ import annotations

import html
import json
import re
import textwrap
import unicodedata
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path
from typing import Any

from gen import (
    ALL,
    SEED,
    Doc,
    article,
    few_words,
    field_note,
    fill,
    interview,
    long_testimony,
    memo,
    new,
    ocr_en,
    ocr_ko,
    p_html,
    probe,
    rng,
    sents,
    story,
    web_head,
    web_page,
    web_tail,
)
from pools import A_SENT, CONSENT_PROBE, F_SENT, FILL, HEADLINE, LIST_ITEMS, M_SENT

HERE = Path(__file__).resolve().parent
DOCS = HERE / "docs"
Copy = dict[str, Any]
PLANTED: list[dict[str, Any]] = []
NEAR: list[dict[str, Any]] = []


def own(lang: str, n: int = 2, bank: dict[str, list[str]] = M_SENT) -> str:
    return " ".join(fill(s, lang) for s in rng.sample(bank[lang], n))


def copy_of(d: Doc, pid: str) -> Copy:
    s, e, plain = next((m[2], m[3], m[4]) for m in d.marks if m[1] == pid)
    return {"doc": d.name, "start": s, "end": e, "text": plain}


def plant(gid: str, lang: str, how: str, box: str, copies: list[Copy]) -> None:
    """One gold row per pair of copies (groups of three or four give every pair)."""
    word = probe([c["text"] for c in copies])
    for a, b in combinations(range(len(copies)), 2):
        row = {"id": gid if len(copies) == 2 else f"{gid}-{a}{b}", "lang": lang,
               "variation": how, "container": box, "copies": [copies[a], copies[b]],
               "probe": word}  # fmt: skip
        if len(copies) > 2:
            row["group"] = gid
            row["group_docs"] = [c["doc"] for c in copies]
        PLANTED.append(row)


# ---------------------------------------------------------------- hosts
def host_web(name: str, lang: str, pid: str, blocks: list[str], plain: str, title: str = "") -> Doc:
    """A news or NGO page: own lead paragraph, the passage (html blocks), own closing line."""
    d = new(name, "web", lang)
    site = rng.choice([0, 1] if lang == "en" else [2, 3])
    web_head(d, title or fill(rng.choice(HEADLINE[lang]), lang), site)
    d.put(p_html(" ".join(sents(A_SENT[lang], lang, 200))) + "\n")
    d.mark("planted", pid, "\n".join(blocks), plain)
    d.put("\n" + p_html(" ".join(sents(A_SENT[lang], lang, 150))))
    web_tail(d, site)
    return d


def host_capture(name: str, lang: str, pid: str, text: str, title: str = "") -> Doc:
    """A web page copied from a browser as plain text."""
    d = new(name, "capture", lang)
    head = title or fill(rng.choice(HEADLINE[lang]), lang)
    nav = "홈 > 소식 > 보도자료" if lang == "ko" else "Home > News > Reports"
    d.put(f"{head}\n{nav}\n\n{' '.join(sents(A_SENT[lang], lang, 160))}\n\n")
    d.mark("planted", pid, text)
    d.put("\n\n" + ("목록으로 돌아가기" if lang == "ko" else "Back to the list") + "\n")
    return d


def host_memo(name: str, lang: str, pid: str, text: str, head: str = "") -> Doc:
    d = new(name, "memo", lang)
    d.put(head or f"# {'메모' if lang == 'ko' else 'Memo'} {name[:-3]}\n\n")
    d.put(own(lang, 3) + "\n\n" + ("## 자료 발췌\n\n" if lang == "ko" else "## Source excerpt\n\n"))
    d.mark("planted", pid, text)
    d.put("\n\n" + ("## 생각\n\n" if lang == "ko" else "## Thoughts\n\n") + own(lang, 2) + "\n")
    return d


def host_note(name: str, lang: str, pid: str, text: str) -> Doc:
    d = new(name, "fieldnote", lang)
    d.put(f"{'현장 노트' if lang == 'ko' else 'Field notes'} - {name[:-4]}\n\n")
    d.put(own(lang, 3, F_SENT) + "\n\n")
    d.mark("planted", pid, text)
    d.put("\n\n" + own(lang, 3, F_SENT) + "\n")
    return d


def tail(d: Doc, pid: str, text: str) -> Doc:
    """An article the transcriber pasted after an interview."""
    d.put(
        "\n---\n"
        + (
            "첨부: 참여자가 건넨 글\n\n"
            if d.lang == "ko"
            else "Attached: text the participant handed us\n\n"
        )
    )
    d.mark("planted", pid, text)
    d.put("\n")
    return d


def take(tails: list[Doc], lang: str) -> Doc:
    """The next interview of that language to paste a text after (each used once)."""
    d = next(t for t in tails if t.lang == lang)
    tails.remove(d)
    return d


def joined(ps: list[str]) -> str:
    return "\n\n".join(ps)


def html_of(ps: list[str]) -> list[str]:
    return [p_html(p) for p in ps]


# ---------------------------------------------------------------- planted sets
def planted(tails: list[Doc]) -> None:
    langs = ["en", "ko", "en", "ko", "en"]
    for k in range(4):  # a passage quoted inside a longer paragraph, no line break around it
        lang, pid = langs[k], f"quote{k}"
        text = " ".join(article(lang, rng.randint(330, 600)))
        a = host_web(f"web_{pid}a.html", lang, pid, [p_html(text)], text)
        b = new(f"notes_{pid}b.{'md' if k % 2 else 'txt'}", "fieldnote", lang)
        b.put(own(lang, 2, F_SENT) + "\n\n" + own(lang, 2, F_SENT) + " ")
        b.put(
            "단체 보고서는 이렇게 적었다. \u201c"
            if lang == "ko"
            else "As the NGO report put it, \u201c"
        )
        b.mark("planted", pid, text)
        b.put("\u201d " + own(lang, 2, F_SENT) + "\n\n" + own(lang, 3, F_SENT) + "\n")
        plant(pid, lang, "quoted_in_paragraph", "web_note", [copy_of(a, pid), copy_of(b, pid)])
    for k in range(4):  # the copy split across two places of the second document
        lang, pid = langs[k + 1], f"split{k}"
        ps = article(lang, rng.randint(900, 1400))
        while len(ps) < 2:
            ps = article(lang, rng.randint(900, 1400))
        cut = min(range(1, len(ps)), key=lambda i: abs(len(joined(ps[:i])) - len(joined(ps)) / 2))
        a = host_capture(f"capture_{pid}a.txt", lang, pid, joined(ps))
        b = new(f"memo_{pid}b.md", "memo", lang)
        b.put(f"# {'메모' if lang == 'ko' else 'Memo'} {pid}\n\n{own(lang, 2)}\n\n## 1\n\n")
        s1 = sum(len(p) for p in b.parts)
        b.put(joined(ps[:cut]))
        b.put(
            f"\n\n## {'중간 생각' if lang == 'ko' else 'In between'}\n\n{own(lang, 4)}\n\n## 2\n\n"
        )
        s2 = sum(len(p) for p in b.parts)
        b.put(joined(ps[cut:]) + f"\n\n{own(lang, 2)}\n")
        one, two = joined(ps[:cut]), joined(ps[cut:])
        cb = {"doc": b.name, "text": one + "\n\n" + two, "parts": [
            {"start": s1, "end": s1 + len(one), "text": one},
            {"start": s2, "end": s2 + len(two), "text": two}]}  # fmt: skip
        plant(pid, lang, "split_in_two", "capture_memo", [copy_of(a, pid), cb])
    for k in range(3):  # an English copy scanned from print: hyphenation, typos, full-width
        pid = f"ocren{k}"
        ps = article("en", rng.randint(700, 1500))
        a = host_web(f"web_{pid}a.html", "en", pid, html_of(ps), joined(ps))
        text = ocr_en(joined(ps))
        b = new(f"scan_{pid}b.txt", "capture", "en")
        b.put(f"Scanned from the printed newsletter, page {k + 2}\n\n")
        b.mark("planted", pid, text)
        b.put(f"\n\n- {k + 2} -\n")
        plant(pid, "en", "ocr_en", "web_scan", [copy_of(a, pid), copy_of(b, pid)])
    for k in range(4):  # a Korean scanned copy: spacing, ㆍ for ·, full-width marks, typos
        pid = f"ocrko{k}"
        ps = article("ko", rng.randint(700, 1500)) if k < 2 else story("ko", rng.randint(700, 1500))
        dot = (
            "이 지원은 주거·의료·교육을 한데 묶은 것이다."
            if k < 2
            else "그때는 남·북 어디에도 기댈 곳이 없었어요."
        )
        ps[0] = f"{ps[0]} {dot}"
        a = (host_capture if k < 2 else host_memo)(
            f"src_{pid}a.{'txt' if k < 2 else 'md'}", "ko", pid, joined(ps)
        )
        b = new(f"scan_{pid}b.txt", "capture", "ko")
        b.put(f"스캔 자료 {k + 1} (인쇄본 {k + 5}쪽)\n\n")
        b.mark("planted", pid, ocr_ko(joined(ps)))
        b.put("\n\n(다음 쪽에 계속)\n")
        plant(pid, "ko", "ocr_ko", "capture_scan", [copy_of(a, pid), copy_of(b, pid)])
    for k in range(3):  # the title translated, the body the same
        lang, pid = ("ko", "ko", "en")[k], f"title{k}"
        i = rng.randrange(len(HEADLINE["en"]))
        city = rng.randrange(len(FILL["city"]["en"]))
        prog = rng.randrange(len(FILL["program"]["en"]))
        t_en = fill(HEADLINE["en"][i], "en", {"city": FILL["city"]["en"][city],
                    "group": "arrivals", "program": FILL["program"]["en"][prog]})  # fmt: skip
        t_ko = fill(HEADLINE["ko"][i], "ko", {"city": FILL["city"]["ko"][city],
                    "group": "이주민", "program": FILL["program"]["ko"][prog]})  # fmt: skip
        body = joined(article(lang, rng.randint(500, 1500)))
        a = host_capture(f"capture_{pid}a.txt", lang, pid, body, title=f"Title: {t_en}")
        b = host_memo(f"memo_{pid}b.md", lang, pid, body, head=f"# {t_ko}\n\n")
        plant(pid, lang, "title_translated", "capture_memo", [copy_of(a, pid), copy_of(b, pid)])
    for k in range(5):  # HTML with markup and a list vs the plain-text copy with bullets
        lang, pid = langs[k], f"html{k}"
        p1, p2 = (" ".join(sents(A_SENT[lang], lang, rng.randint(150, 400))) for _ in "12")
        items = [fill(s, lang) for s in rng.sample(LIST_ITEMS[lang], rng.randint(3, 5))]
        w = p1.split(" ")
        h1 = (
            f"<strong>{' '.join(w[:3])}</strong> {html.escape(' '.join(w[3:-2]))}&nbsp;"
            f"{html.escape(' '.join(w[-2:]))}"
        )
        blocks = [
            f"<p>{h1}</p>",
            "<ul>" + "".join(f"<li>{html.escape(i)}</li>" for i in items) + "</ul>",
            f"<p><a href='/report'>{html.escape(p2)}</a></p>",
        ]
        a = host_web(f"web_{pid}a.html", lang, pid, blocks, "\n".join([p1, *items, p2]))
        bullet = ["\u2022 ", "- ", "* ", "\u00b7 ", "\u25aa "][k]
        text = f"{p1}\n\n" + "\n".join(bullet + i for i in items) + f"\n\n{p2}"
        b = host_capture(f"capture_{pid}b.txt", lang, pid, text)
        plant(pid, lang, "html_vs_plain", "web_capture", [copy_of(a, pid), copy_of(b, pid)])
    for k in range(5):  # short copies, 300-450 characters
        lang, pid = langs[k], f"short{k}"
        text = ""
        while not 300 <= len(text) <= 450:
            bank = story(lang, 300) if k % 2 else article(lang, 300)
            text = " ".join(bank)
        a = (host_note if k % 2 else host_memo)(
            f"{'note' if k % 2 else 'memo'}_{pid}a.{'txt' if k % 2 else 'md'}", lang, pid, text
        )
        b = tail(take(tails, lang), pid, text)
        plant(pid, lang, "short", "note_tail", [copy_of(a, pid), copy_of(b, pid)])
    for k, lang in enumerate(("ko", "ko", "en")):  # long copies, 5,000+ characters
        pid = f"long{k}"
        ps = story(lang, rng.randint(5200, 6500)) if lang == "ko" else article(lang, 5600)
        if k == 0:
            a = new(f"testimony_{pid}a.txt", "testimony", lang)
            a.put("수기. 강을 건넌 뒤\n\n")
            a.mark("planted", pid, joined(ps))
            a.put("\n")
            b = host_memo(f"memo_{pid}b.md", lang, pid, joined(ps))
        else:
            a = host_web(f"web_{pid}a.html", lang, pid, html_of(ps), joined(ps))
            b = host_capture(f"capture_{pid}b.txt", lang, pid, joined(ps))
        plant(pid, lang, "long", "mixed", [copy_of(a, pid), copy_of(b, pid)])
    for k in range(4):  # one copy with at most 5% of its words changed
        lang, pid = langs[k], f"words{k}"
        ps = article(lang, rng.randint(600, 2000))
        a = host_web(f"web_{pid}a.html", lang, pid, html_of(ps), joined(ps))
        b = host_capture(f"capture_{pid}b.txt", lang, pid, few_words(joined(ps), lang))
        plant(pid, lang, "words_changed", "web_capture", [copy_of(a, pid), copy_of(b, pid)])
    # the same text in three or four documents
    pid, ps = "group3en", article("en", rng.randint(900, 1600))
    docs = [host_web(f"web_{pid}a.html", "en", pid, html_of(ps), joined(ps)),
            host_capture(f"capture_{pid}b.txt", "en", pid, joined(ps)),
            host_memo(f"memo_{pid}c.md", "en", pid, joined(ps))]  # fmt: skip
    plant(pid, "en", "three_copies", "web_capture_memo", [copy_of(d, pid) for d in docs])
    pid, ps = "group3ko", story("ko", rng.randint(1000, 1800))
    docs = [host_memo(f"memo_{pid}a.md", "ko", pid, joined(ps)),
            host_note(f"note_{pid}b.txt", "ko", pid, joined(ps)),
            tail(take(tails, "ko"), pid,
                 joined(ps))]  # fmt: skip
    plant(pid, "ko", "three_copies", "memo_note_tail", [copy_of(d, pid) for d in docs])
    pid, ps = "group4ko", article("ko", rng.randint(1000, 1700))
    wrapped = "\n\n".join(textwrap.fill(p, 36) for p in ps)
    docs = [host_web(f"web_{pid}a.html", "ko", pid, html_of(ps), joined(ps)),
            host_capture(f"capture_{pid}b.txt", "ko", pid, joined(ps)),
            host_memo(f"memo_{pid}c.md", "ko", pid, wrapped),
            tail(take(tails, "ko"), pid,
                 joined(ps))]  # fmt: skip
    plant(pid, "ko", "four_copies", "web_capture_memo_tail", [copy_of(d, pid) for d in docs])


# ---------------------------------------------------------------- build and check
def base() -> list[Doc]:
    """60 distinct documents: transcripts, field notes, memos, web pages, long testimonies."""
    styles = ["labels", "initials", "qa", "stamps"]
    out = [interview(n, "ko" if n % 2 else "en", styles[n % 4]) for n in range(1, 31)]
    out += [field_note(n, "ko" if n % 2 else "en") for n in range(1, 9)]
    out += [memo(n, "en" if n % 2 else "ko") for n in range(1, 9)]
    out += [web_page(f"page_{n:02d}_{lang}.html", lang, article(lang, rng.randint(800, 2500)))
            for n, lang in enumerate(["en", "ko"] * 4, 1)]  # fmt: skip
    return out + [long_testimony(n) for n in range(1, 7)]


def readable(d: Doc) -> str:
    """Roughly what a reader keeps, folded to letters and digits (for the overlap check)."""
    text = d.text
    if d.name.endswith(".html"):
        text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    for m in d.marks:
        if m[0] == "protocol":
            text = text.replace(m[4], " ")
    return "".join(c for c in unicodedata.normalize("NFKC", text).lower() if c.isalnum())


def stray(pairs: set[tuple[str, str]], k: int = 30) -> list[tuple[int, str, str]]:
    """The longest run of shared text (in folded characters) per unplanned pair of documents."""
    where: dict[str, set[int]] = defaultdict(set)
    texts = [readable(d) for d in ALL]
    for i, t in enumerate(texts):
        for j in range(len(t) - k + 1):
            where[t[j : j + k]].add(i)
    best: Counter[tuple[int, int]] = Counter()
    for x, t in enumerate(texts):
        run: dict[int, int] = {}
        for j in range(len(t) - k + 1):
            run = {y: run.get(y, 0) + 1 for y in where[t[j : j + k]] if y > x}
            for y, n in run.items():
                best[(x, y)] = max(best[(x, y)], n + k - 1)
    return sorted(
        (
            (n, ALL[x].name, ALL[y].name)
            for (x, y), n in best.items()
            if tuple(sorted((ALL[x].name, ALL[y].name))) not in pairs
        ),
        reverse=True,
    )


def main() -> None:
    from near import NEAR, near_misses

    interviews = base()
    near_misses()
    planted([d for d in interviews if d.kind == "interview"])
    pairs = {tuple(sorted(c["doc"] for c in p["copies"])) for p in PLANTED}
    worst = stray(pairs)  # type: ignore[arg-type]
    for n, x, y in worst[:12]:
        print(f"  stray overlap ~{n} chars: {x} {y}")
    assert not worst or worst[0][0] < 250, "an unplanned shared run: rebuild the pools"
    DOCS.mkdir(exist_ok=True)
    for d in ALL:
        (DOCS / d.name).write_text(d.text, encoding="utf-8")
        for m in d.marks:
            assert d.text[m[2] : m[3]], m
    for p in PLANTED:
        for c in p["copies"]:
            text = (DOCS / c["doc"]).read_text(encoding="utf-8")
            for part in c.get("parts", [c]):
                if not c["doc"].endswith(".html"):
                    assert text[part["start"] : part["end"]] == part["text"], (p["id"], c["doc"])
    protocol = [{"doc": d.name, "start": m[2], "end": m[3], "text": m[4]}
                for d in ALL for m in d.marks if m[0] == "protocol"]  # fmt: skip
    gold = {"seed": SEED, "consent_probe": CONSENT_PROBE,
            "documents": {d.name: {"kind": d.kind, "lang": d.lang} for d in ALL},
            "planted": PLANTED, "protocol": protocol, "near_miss": NEAR}  # fmt: skip
    (HERE / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n")
    groups = len({p.get("group", p["id"]) for p in PLANTED})
    print(
        f"{len(ALL)} documents, {len(PLANTED)} planted pairs in {groups} sets, "
        f"{len(NEAR)} near-miss pairs, {len(protocol)} consent scripts"
    )
    print(Counter(p["variation"] for p in PLANTED))


if __name__ == "__main__":
    main()
