"""Generators for the second held-out shared-passage set: documents and alterations (seeded).

Used by build.py (the entry point); one module-level random generator with a fixed seed.
"""

from __future__ import annotations

import html
import random
from collections.abc import Callable
from dataclasses import dataclass, field

from pools import (  # the sibling file
    A_SENT,
    CONSENT,
    F_SENT,
    FILL,
    GUIDE,
    HEADLINE,
    M_SENT,
    SHORT,
    T_ACT,
    T_FEEL,
    T_SUBJ,
    T_TIME,
    T_WHY,
)

SEED = 20261207_2
rng = random.Random(SEED)


def fill(template: str, lang: str, facts: dict[str, str] | None = None) -> str:
    """Fill {slot}s: from ``facts`` when given (same event), else fresh random values."""
    out = template
    for slot, pool in FILL.items():
        while (at := out.find("{" + slot + "}")) >= 0:
            val = (facts or {}).get(slot) or rng.choice(pool[lang])
            rest = out[at + len(slot) + 2 :]
            if lang == "ko" and rest[:1] in JOSA and "\uac00" <= val[-1] <= "\ud7a3":
                final = (ord(val[-1]) - 0xAC00) % 28 != 0  # the last syllable has a batchim
                rest = JOSA[rest[0]][0 if final else 1] + rest[1:]
            out = out[:at] + val + rest
    return out


JOSA = {c: pair for pair in ("은는", "이가", "을를", "과와") for c in pair}


def cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def testimony(lang: str) -> str:
    """One first-person sentence from independent parts (rarely equal twice)."""
    if rng.random() < 0.2:
        return fill(rng.choice(T_FEEL[lang]), lang)
    t, s, a, w = (rng.choice(p[lang]) for p in (T_TIME, T_SUBJ, T_ACT, T_WHY))
    if lang == "en":
        return fill(cap(f"{t}, {s} {a}{' ' + w if w else ''}."), lang)
    return fill(f"{t} {s} {w + ' ' if w else ''}{a}.", lang)


def sents(
    bank: list[str], lang: str, target: int, facts: dict[str, str] | None = None
) -> list[str]:
    """Sentences from ``bank`` until about ``target`` characters, no template twice in a row."""
    out: list[str] = []
    last = -1
    while sum(len(s) + 1 for s in out) < target:
        i = rng.randrange(len(bank))
        if i != last:
            out.append(fill(bank[i], lang, facts))
            last = i
    return out


def paras(ss: list[str], lo: int = 2, hi: int = 4) -> list[str]:
    out = []
    while ss:
        k = rng.randint(lo, hi)
        out.append(" ".join(ss[:k]))
        ss = ss[k:]
    return out


def article(lang: str, target: int) -> list[str]:
    return paras(sents(A_SENT[lang], lang, target))


def story(lang: str, target: int) -> list[str]:
    out: list[str] = []
    while sum(len(s) + 1 for s in out) < target:
        out.append(testimony(lang))
    return paras(out, 3, 6)


# ---------------------------------------------------------------- documents
@dataclass
class Doc:
    name: str
    kind: str
    lang: str
    parts: list[str] = field(default_factory=list)
    marks: list[tuple[str, str, int, int, str]] = field(default_factory=list)  # role,id,s,e,plain

    def put(self, text: str) -> None:
        self.parts.append(text)

    def mark(self, role: str, ident: str, text: str, plain: str | None = None) -> None:
        """Append ``text`` and record its code-point range (plain: the text as read)."""
        start = sum(len(p) for p in self.parts)
        self.parts.append(text)
        self.marks.append((role, ident, start, start + len(text), plain or text))

    @property
    def text(self) -> str:
        return "".join(self.parts)


ALL: list[Doc] = []


def new(name: str, kind: str, lang: str) -> Doc:
    d = Doc(name, kind, lang)
    assert all(x.name != name for x in ALL), name
    ALL.append(d)
    return d


LABELS = {
    "labels": {"en": ("Interviewer", "Participant"), "ko": ("면담자", "참여자")},
    "initials": {"en": ("I", "R"), "ko": ("I", "R")},
    "qa": {"en": ("Q)", "A)"), "ko": ("문)", "답)")},
    "stamps": {"en": ("INT", "{p}"), "ko": ("연구자", "{p}")},
}


def interview(n: int, lang: str, style: str, guide: list[tuple[str, str]] | None = None) -> Doc:
    """A transcript: header, the consent script (protocol), the guide, answers, goodbye."""
    ext = ".md" if n % 5 == 0 else ".txt"
    d = new(f"int{n:02d}_{lang}_{style}{ext}", "interview", lang)
    pseud = f"{'참여자' if lang == 'ko' else 'Participant'} {chr(65 + n % 26)}{n}"
    ask, who = LABELS[style][lang]
    who = who.replace("{p}", pseud)
    clock = rng.randint(20, 200)

    def say(label: str, text: str) -> None:
        nonlocal clock
        sep = "" if style == "qa" else ":"
        if style == "stamps":
            clock += rng.randint(15, 160)
            d.put(f"[{clock // 3600:02d}:{clock // 60 % 60:02d}:{clock % 60:02d}] ")
        d.put(f"{label}{sep} {text}\n" + ("" if style == "stamps" else "\n"))

    if ext == ".md":
        d.put(f"# {'전사본' if lang == 'ko' else 'Transcript'} {n:02d}\n\n")
    date = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    d.put(f"{'면담' if lang == 'ko' else 'Interview'} {n:02d} / {pseud} / {date}\n\n")
    if style == "stamps":
        clock += 30
        d.put(f"[{clock // 3600:02d}:{clock // 60 % 60:02d}:{clock % 60:02d}] ")
    d.put(f"{ask}{'' if style == 'qa' else ':'} ")
    d.mark("protocol", "consent_" + lang, CONSENT[lang])
    d.put("\n" if style == "stamps" else "\n\n")
    say(who, "네, 좋습니다." if lang == "ko" else "Yes, go ahead.")
    asked = sorted(rng.sample(range(len(GUIDE)), rng.randint(6, len(GUIDE))))
    for q in guide or [GUIDE[i] for i in asked]:  # the guide's order, some questions skipped
        say(ask, q[0] if lang == "ko" else q[1])
        if rng.random() < 0.2:
            say(who, rng.choice(SHORT)[0 if lang == "ko" else 1])
            continue
        say(who, " ".join(testimony(lang) for _ in range(rng.randint(2, 5))))
    say(ask, "오늘 말씀 감사합니다." if lang == "ko" else "Thank you, that's everything for today.")
    return d


def field_note(n: int, lang: str) -> Doc:
    d = new(f"fieldnote_{n:02d}_{lang}.txt", "fieldnote", lang)
    title = "현장 노트" if lang == "ko" else "Field notes"
    d.put(f"{title} {n:02d} - 2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\n\n")
    d.put("\n\n".join(paras(sents(F_SENT[lang], lang, rng.randint(600, 1400)), 2, 4)) + "\n")
    return d


def memo(n: int, lang: str) -> Doc:
    d = new(f"memo_{n:02d}_{lang}.md", "memo", lang)
    d.put(f"# {'분석 메모' if lang == 'ko' else 'Analytic memo'} {n:02d}\n\n")
    for s in sents(M_SENT[lang], lang, 250):
        d.put(f"- {s}\n")
    d.put("\n" + "\n\n".join(paras(sents(M_SENT[lang], lang, rng.randint(300, 800)))) + "\n")
    return d


SITES = [
    ("Home | Our work | Stories | Donate", "Share: Facebook · X · Email", "© 2025 Open Door"),
    ("News | Society | Politics | Opinion", "Tags: resettlement, welfare", "Daily Maru © 2025"),
    ("홈 | 활동 | 이야기 | 후원", "공유하기: 카카오톡 · 페이스북", "© 2025 손다리 재단"),
    ("뉴스 | 사회 | 정치 | 오피니언", "태그: 정착, 복지", "샛강일보 © 2025"),
]


def p_html(text: str) -> str:
    return f"<p>{html.escape(text, quote=False)}</p>"


def web_head(d: Doc, title: str, site: int) -> None:
    nav = SITES[site][0]
    links = " ".join(
        f"<a href='/{i}'>{html.escape(w.strip())}</a>" for i, w in enumerate(nav.split("|"))
    )
    d.put(
        f"<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>{html.escape(title)}"
        f"</title></head>\n<body>\n<nav>{links}</nav>\n<main><article>\n"
        f"<h1>{html.escape(title)}</h1>\n<p class='meta'>2025-{rng.randint(1, 12):02d}-"
        f"{rng.randint(1, 28):02d}</p>\n"
    )


def web_tail(d: Doc, site: int) -> None:
    d.put(
        f"\n<p class='share'>{html.escape(SITES[site][1])}</p>\n</article></main>\n"
        f"<footer><p>{html.escape(SITES[site][2])}</p></footer>\n</body></html>\n"
    )


def web_page(name: str, lang: str, ps: list[str], title: str | None = None) -> Doc:
    d = new(name, "web", lang)
    site = rng.choice([0, 1] if lang == "en" else [2, 3])
    web_head(d, title or fill(rng.choice(HEADLINE[lang]), lang), site)
    d.put("\n".join(p_html(p) for p in ps))
    web_tail(d, site)
    return d


def long_testimony(n: int) -> Doc:
    d = new(f"testimony_{n:02d}_ko.txt", "testimony", "ko")
    d.put(f"수기 {n:02d}. 나의 길\n\n")
    d.put("\n\n".join(story("ko", rng.randint(5200, 7000))) + "\n")
    return d


# ---------------------------------------------------------------- alterations
def ends(text: str, keep: int = 90) -> tuple[int, int]:
    """Where the noisy middle lies: the first and last ~90 characters stay clean, so that a
    reader's own repairs (NFKC, joined hyphens) cannot hide where the copy starts and ends."""
    lo = text.find(" ", keep)
    hi = text.rfind(" ", 0, len(text) - keep)
    assert 0 < lo < hi, "a copy too short for noise"
    return lo, hi


def typos(text: str, n: int, letter: Callable[[str], bool]) -> str:
    """``n`` letters dropped or doubled in the middle of ``text``."""
    lo, hi = ends(text)
    chars = list(text)
    spots = [i for i in range(lo, hi) if letter(chars[i])]
    for i in sorted(rng.sample(spots, n), reverse=True):
        chars[i] = "" if rng.random() < 0.5 else chars[i] * 2
    return "".join(chars)


def ocr_en(text: str) -> str:
    """A scanned copy: lines hyphenated at their ends, a few dropped/doubled letters."""
    text = typos(text, 6, str.isalpha)
    lo, hi = ends(text)
    mid = text[lo:hi].replace(", ", "\uff0c ", 1).replace("; ", "\uff1b ", 1)
    text = text[:lo] + mid + text[hi:]
    lo, hi = ends(text)
    lines: list[str] = []
    at = 0
    for para in text.split("\n\n"):
        out, line = [], ""
        for w in para.split(" "):
            noisy = lo < at < hi - len(w)
            at += len(w) + 1
            if len(line) + len(w) + 1 > 62 and len(w) > 6 and noisy:
                cut = rng.randint(3, len(w) - 3)
                out.append(f"{line} {w[:cut]}-".strip())
                line = w[cut:]
            elif len(line) + len(w) + 1 > 62:
                out.append(line)
                line = w
            else:
                line = f"{line} {w}".strip()
        at += 1
        lines.append("\n".join(out + [line]))
    return "\n\n".join(lines)


def ocr_ko(text: str) -> str:
    """A scanned Korean copy: spacing (할 수 있다 / 할수있다), ㆍ for ·, full-width marks, typos."""
    text = typos(text, 5, lambda c: "\uac00" <= c <= "\ud7a3")
    lo, hi = ends(text)
    mid = text[lo:hi]
    for a, b in (
        ("수 있", "수있"),
        ("수 없", "수없"),
        ("것 같", "것같"),
        ("할 때", "할때"),
        ("·", "ㆍ"),
        ("?", "\uff1f"),
        (", ", "\uff0c"),
    ):
        mid = mid.replace(a, b)
    words = mid.split(" ")
    for i in rng.sample(range(1, len(words) - 1), max(2, len(words) // 25)):
        words[i] += "\x00"  # glue to the next word: a lost space
    mid = " ".join(words).replace("\x00 ", "")
    chars = list(mid)
    syl = [("\uac00" <= c <= "\ud7a3") for c in chars]
    spots = [i for i in range(len(chars) - 1) if syl[i] and syl[i + 1]]
    for i in sorted(rng.sample(spots, 3), reverse=True):
        chars[i] += " "  # a space inside a word
    mid = "".join(chars).replace(". ", "\uff0e ", 2)
    return text[:lo] + mid + text[hi:]


SUB = {
    "en": ["many", "some", "new", "local", "recent", "older", "several", "younger"],
    "ko": ["많은", "일부", "새", "지역", "최근", "여러", "젊은", "나이 든"],
}


def few_words(text: str, lang: str) -> str:
    """About 4% of the words changed (the limit the brief sets is 5%)."""
    words = text.split(" ")  # the first and last ten words stay (where the copy is found)
    for i in rng.sample(range(10, len(words) - 10), max(1, int(len(words) * 0.04))):
        words[i] = rng.choice(SUB[lang])
    return " ".join(words)


def probe(texts: list[str]) -> str:
    """Four plain words every copy holds (for the search check)."""
    flat = [" ".join(t.lower().split()) for t in texts]
    words = texts[0].split()
    starts = list(range(max(1, len(words) - 4)))
    rng.shuffle(starts)
    for i in starts:
        cand = words[i : i + 4]
        if all(w.isalnum() for w in cand) and all(" ".join(cand).lower() in f for f in flat):
            return " ".join(cand)
    raise AssertionError("no probe")
