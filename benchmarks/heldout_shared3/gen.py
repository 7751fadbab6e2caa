"""Generators for the third held-out shared-passage set: text, hosts and alterations (seeded).

One module-level random generator with a fixed seed; build.py is the entry point. Sentences
are never emitted twice, so two documents share text only where build.py plants it.
"""

from __future__ import annotations

import html
import random
import re
import textwrap
from dataclasses import dataclass, field

from pools import ANSWER, ARTICLE, NOTE, SHORT, SLOTS

SEED = 20261207_3
rng = random.Random(SEED)
USED: set[str] = set()
RECENT: dict[tuple[int, str], list[str]] = {}
JOSA = {
    "은": "은는",
    "는": "은는",
    "이": "이가",
    "가": "이가",
    "을": "을를",
    "를": "을를",
    "과": "과와",
    "와": "과와",
}


def _batchim(word: str) -> int:
    """0: no final consonant (or not Hangul), 8: final ㄹ, else another final consonant."""
    ch = word[-1]
    if not "\uac00" <= ch <= "\ud7a3":
        return 0
    return (ord(ch) - 0xAC00) % 28


def _attach(val: str, rest: str) -> str:
    """Korean particle after a filled slot, agreeing with its last syllable."""
    fin = _batchim(val)
    if rest[:1] in JOSA:
        pair = JOSA[rest[0]]
        return (pair[0] if fin else pair[1]) + rest[1:]
    if rest[:1] == "로":
        return ("으로" if fin and fin != 8 else "로") + rest[1:]
    if rest[:1] == "랑":
        return ("이랑" if fin else "랑") + rest[1:]
    if rest[:1] == "였":
        return ("이었" if fin else "였") + rest[1:]
    return rest


def fill(tpl: str, lang: str) -> str:
    """Fill every {slot} with a fresh value (numbers, years, pools)."""
    out = tpl
    while (m := re.search(r"\{(\w+)\}", out)) is not None:
        key = m.group(1)
        low = key.lower()
        if low == "n":
            val = str(rng.randint(3, 980))
        elif low == "d":
            val = str(rng.randint(2, 30))
        elif low == "m":
            val = str(rng.randint(5, 95))
        elif low == "y":
            val = str(rng.randint(1998, 2025))
        else:
            val = rng.choice(SLOTS[low][lang])
            if key[0].isupper():
                val = val[:1].upper() + val[1:]
        rest = out[m.end() :]
        if lang == "ko":
            rest = _attach(val, rest)
        out = out[: m.start()] + val + rest
    return out


def sentence(bank: dict[str, list[str]], lang: str) -> str:
    """A sentence never emitted before, from a template not among the last few used."""
    recent = RECENT.setdefault((id(bank), lang), [])
    fresh = [t for t in bank[lang] if t not in recent] or bank[lang]
    for tries in range(2000):
        tpl = rng.choice(fresh if tries < 200 else bank[lang])
        s = fill(tpl, lang)
        s = s[:1].upper() + s[1:]
        if s not in USED:
            USED.add(s)
            recent.append(tpl)
            del recent[: -(len(bank[lang]) // 2)]
            return s
    raise AssertionError("sentence pool exhausted")


def sents(bank: dict[str, list[str]], lang: str, chars: int) -> list[str]:
    out: list[str] = []
    while sum(len(s) + 1 for s in out) < chars:
        out.append(sentence(bank, lang))
    return out


def para(bank: dict[str, list[str]], lang: str, chars: int) -> str:
    return " ".join(sents(bank, lang, chars))


def article(lang: str, chars: int) -> list[str]:
    """Paragraphs of 2-4 news sentences, about ``chars`` long in all."""
    out: list[str] = []
    while sum(len(p) + 2 for p in out) < chars:
        out.append(" ".join(sentence(ARTICLE, lang) for _ in range(rng.randint(2, 4))))
    return out


def story(lang: str, chars: int) -> list[str]:
    """First-person paragraphs (a testimony)."""
    out: list[str] = []
    while sum(len(p) + 2 for p in out) < chars:
        out.append(" ".join(sentence(ANSWER, lang) for _ in range(rng.randint(3, 5))))
    return out


def note(lang: str, n: int = 2) -> str:
    return " ".join(sentence(NOTE, lang) for _ in range(n))


def short(lang: str) -> str:
    return rng.choice(SHORT[lang])


@dataclass
class Doc:
    name: str
    kind: str
    lang: str
    parts: list[str] = field(default_factory=list)
    marks: list[tuple[str, str, int, int, str]] = field(default_factory=list)

    @property
    def at(self) -> int:
        return sum(len(p) for p in self.parts)

    def put(self, text: str) -> None:
        self.parts.append(text)

    def mark(self, tag: str, key: str, written: str, plain: str | None = None) -> None:
        """Write ``written`` and record its range; ``plain`` is what a reader sees."""
        s = self.at
        self.put(written)
        self.marks.append((tag, key, s, self.at, written if plain is None else plain))

    @property
    def text(self) -> str:
        return "".join(self.parts)


ALL: list[Doc] = []


def new(name: str, kind: str, lang: str) -> Doc:
    assert all(d.name != name for d in ALL), name
    d = Doc(name, kind, lang)
    ALL.append(d)
    return d


# ---------------------------------------------------------------- alterations
def ocr_en(text: str) -> str:
    """Print scan: hyphenated line ends at 64 columns, rn/m and l/1 swaps, ligatures,
    a doubled and a dropped letter, full-width comma or colon here and there."""
    words = text.split(" ")
    for _ in range(max(2, len(words) // 60)):
        i = rng.randrange(len(words))
        w = words[i]
        if "m" in w[1:]:
            words[i] = w.replace("m", "rn", 1)
        elif "fi" in w:
            words[i] = w.replace("fi", "\ufb01", 1)
        elif "fl" in w:
            words[i] = w.replace("fl", "\ufb02", 1)
        elif "l" in w[1:]:
            words[i] = w[0] + w[1:].replace("l", "1", 1)
        elif len(w) > 5 and w.isalpha():
            j = rng.randrange(1, len(w) - 1)
            words[i] = w[:j] + w[j] + w[j:] if rng.random() < 0.5 else w[:j] + w[j + 1 :]
    out = " ".join(words).replace(", ", "\uff0c ", 1).replace(": ", "\uff1a ", 1)
    lines: list[str] = []
    line = ""
    for w in out.split(" "):
        if len(line) + len(w) + 1 > 64 and len(w) > 6 and w.isalpha() and line:
            cut = len(w) // 2
            lines.append(f"{line} {w[:cut]}-")
            line = w[cut:]
        elif len(line) + len(w) + 1 > 64:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}" if line else w
    return "\n".join(lines + [line])


KO_SPACING = [
    ("할 수 있", "할수있"),
    ("수 없", "수없"),
    ("것이다", "것 이다"),
    ("한 번", "한번"),
    ("것을", "것 을"),
    ("하지 않", "하지않"),
    ("있다고", "있 다고"),
    ("두 번", "두번"),
    ("는 데", "는데"),
    ("받지 못", "받지못"),
]


def ocr_ko(text: str) -> str:
    """Korean scan: spacing (띄어쓰기) changes, ㆍ for ·, full-width marks, a dropped or doubled
    syllable, and hard line breaks every 34 characters (a newspaper column)."""
    for a, b in KO_SPACING:
        text = text.replace(a, b)
    text = text.replace("\u00b7", "\u318d").replace(", ", "\uff0c").replace("%", "\uff05")
    text = re.sub(r"(\d+)퍼센트", r"\1 퍼센트", text)
    chars = list(text)
    for _ in range(max(2, len(chars) // 250)):
        i = rng.randrange(1, len(chars) - 1)
        if "\uac00" <= chars[i] <= "\ud7a3":
            chars[i] = chars[i] * 2 if rng.random() < 0.5 else ""
    flat = "".join(chars).replace("\n\n", " ")
    return "\n".join(flat[i : i + 34] for i in range(0, len(flat), 34))


def change_words(text: str, lang: str, share: float = 0.04) -> str:
    """Edit about ``share`` of the words: numbers updated, a word swapped, a particle changed."""
    words = text.split(" ")
    k = max(2, int(len(words) * share))
    for i in rng.sample(range(len(words)), k):
        w = words[i]
        if any(c.isdigit() for c in w):
            words[i] = re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(1, 9)), w)
        elif lang == "en":
            words[i] = {
                "said": "stated",
                "the": "this",
                "about": "around",
                "now": "currently",
                "only": "just",
                "often": "frequently",
            }.get(w, w + "s" if w.isalpha() else w)
        else:
            words[i] = re.sub(r"(은|는)$", "도", w) if re.search(r"(은|는)$", w) else w + "도"
    return " ".join(words)


def email_quote(text: str) -> str:
    """The copy as it appears quoted in a reply: wrapped at 70 columns, each line '> '."""
    out: list[str] = []
    for p in text.split("\n\n"):
        out += ["> " + ln for ln in textwrap.wrap(p, 70)] + [">"]
    return "\n".join(out[:-1])


def md_of(ps: list[str]) -> str:
    """Markdown: bold lead words, one link, a bullet list made of the middle sentences."""
    out = []
    for k, p in enumerate(ps):
        words = p.split(" ")
        if k == 0:
            out.append("**" + " ".join(words[:3]) + "** " + " ".join(words[3:]))
        elif k == 1 and len(words) > 8:
            out.append(
                " ".join(words[:4])
                + f" [{words[4]}](https://example.org/r{k})"
                + " "
                + " ".join(words[5:])
            )
        elif k == 2:
            parts = re.split(r"(?<=[.다])\s+", p)
            out.append("\n".join("- " + s for s in parts))
        else:
            out.append(p)
    return "\n\n".join(out)


def html_of(ps: list[str]) -> tuple[str, str]:
    """HTML for the same paragraphs (list for the third, <strong>, a link); and its plain text."""
    out, plain = [], []
    for k, p in enumerate(ps):
        e = html.escape(p, quote=False)
        if k == 2:
            parts = re.split(r"(?<=[.다])\s+", p)
            out.append(
                "<ul>\n" + "\n".join(f"  <li>{html.escape(s)}</li>" for s in parts) + "\n</ul>"
            )
            plain.append("\n".join(parts))
            continue
        if k == 0:
            w = e.split(" ")
            e = "<strong>" + " ".join(w[:3]) + "</strong> " + " ".join(w[3:])
        out.append(f"<p>{e}</p>")
        plain.append(p)
    return "\n".join(out), "\n\n".join(plain)


def footnoted(ps: list[str]) -> tuple[str, str]:
    """An essay's HTML with <sup> footnote calls after some sentences; and its plain text."""
    out, plain, k = [], [], 0
    for p in ps:
        ss = re.split(r"(?<=[.다])\s+", p)
        hs, ts = [], []
        for s in ss:
            if rng.random() < 0.4:
                k += 1
                hs.append(html.escape(s) + f'<sup><a href="#fn{k}">{k}</a></sup>')
                ts.append(f"{s}{k}")
            else:
                hs.append(html.escape(s))
                ts.append(s)
        out.append("<p>" + " ".join(hs) + "</p>")
        plain.append(" ".join(ts))
    return "\n".join(out), "\n\n".join(plain)


def srt_of(text: str, first: int, start_s: int) -> tuple[str, str, int, int]:
    """Subtitle cues of ~40 characters for a text read aloud, numbered from ``first``;
    returns (srt, plain, next number, next second)."""
    lines = textwrap.wrap(" ".join(text.split()), 40)
    cues, t = [], start_s
    for i, ln in enumerate(lines):
        cues.append(f"{first + i}\n{_ts(t)} --> {_ts(t + 3)}\n{ln}\n")
        t += 3
    return "\n".join(cues), "\n".join(lines), first + len(lines), t


def _ts(s: int) -> str:
    return f"{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d},000"


def probe(texts: list[str], others: str) -> str:
    """Four plain words every copy holds and no other document does (for the search check)."""
    flat = [" ".join(t.lower().split()) for t in texts]
    words = texts[0].split()
    starts = list(range(max(1, len(words) - 4)))
    rng.shuffle(starts)
    for i in starts:
        cand = " ".join(words[i : i + 4])
        if all(w.isalnum() for w in words[i : i + 4]) and all(cand.lower() in f for f in flat):
            if cand.lower() not in others:
                return cand
    raise AssertionError("no probe")
