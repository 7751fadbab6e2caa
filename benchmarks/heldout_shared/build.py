"""Build the held-out shared-passage corpus (fixed seed): interviews, planted copies, near-misses.

    python benchmarks/heldout_shared/build.py   # writes docs/ and gold.json

Everything is fictional. Written blind to the detector and its own benchmark corpus so that its
figures here are evidence. Run once; the files and gold.json are committed and never re-tuned.
"""

from __future__ import annotations

import html
import json
import random
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from pools import (  # the sibling file: run as python benchmarks/heldout_shared/build.py
    ARTICLE_EN,
    ARTICLE_KO,
    CLOSING,
    CONSENT,
    FILL,
    GUIDE,
    SENTENCES,
    STOCK,
)

SEED = 20261207
HERE = Path(__file__).resolve().parent
DOCS = HERE / "docs"
rng = random.Random(SEED)


def fill(template: str, lang: str) -> str:
    """Fill {slot}s with fresh random values so no two sentences are likely to be equal."""
    out = template
    for slot, pool in FILL.items():
        while "{" + slot + "}" in out:
            vals = pool[lang] if isinstance(pool, dict) else pool
            out = out.replace("{" + slot + "}", str(rng.choice(vals)), 1)
    return out


# ---------------------------------------------------------------- articles
def article(lang: str, target: int, bank: list[str] | None = None) -> tuple[str, list[str]]:
    """A headline and paragraphs of about ``target`` characters from the article bank."""
    bank = bank or (ARTICLE_EN if lang == "en" else ARTICLE_KO)
    order = rng.sample(range(len(bank)), len(bank))
    sents: list[str] = []
    size = 0
    i = 0
    while size < target:
        sents.append(fill(bank[order[i % len(order)]], lang))
        size += len(sents[-1]) + 1
        i += 1
    paras: list[str] = []
    while sents:
        k = rng.randint(2, 4)
        paras.append(" ".join(sents[:k]))
        sents = sents[k:]
    head = fill(rng.choice(FILL["headline"][lang]), lang)
    return head, paras


SWAPS = {
    "en": ["many", "several", "new", "local", "recent", "small", "large", "older", "young"],
    "ko": ["많은", "여러", "새로운", "지역", "최근", "작은", "큰", "나이 든", "젊은"],
}


def vary(paras: list[str], how: str, lang: str) -> list[str]:
    """The second copy of an article: the planted variation."""
    if how == "punct":
        tr = str.maketrans({'"': "\u201c", "'": "\u2019", "-": "\u2014", ",": ",", ".": "."})
        out = [p.translate(tr).replace("  ", " ") for p in paras]
        return [p.replace("\u201c", "\u201d", p.count("\u201c") // 2) for p in out]
    if how == "case":
        return [p.upper() if i % 2 == 0 else p.lower() for i, p in enumerate(paras)]
    if how == "spacing":
        return ["  ".join(p.split(" ")).replace(". ", ".   ") for p in paras]
    if how == "words":
        words = [p.split(" ") for p in paras]
        total = sum(len(w) for w in words)
        for _ in range(max(1, int(total * 0.025))):
            ws = rng.choice(words)
            ws[rng.randrange(len(ws))] = rng.choice(SWAPS[lang])
        return [" ".join(w) for w in words]
    return list(paras)


# ---------------------------------------------------------------- documents
@dataclass
class Doc:
    name: str
    kind: str
    lang: str
    parts: list[str] = field(default_factory=list)
    marks: list[tuple[str, str, int, int, str]] = field(default_factory=list)  # role,id,s,e,text

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


def probe(paras: list[str], texts: list[str]) -> str:
    """Four plain words of the shared part that both copies hold (for the search check)."""
    flat = [" ".join(t.lower().split()) for t in texts]
    words = " ".join(paras).split()
    starts = list(range(max(1, len(words) - 4)))
    rng.shuffle(starts)
    for i in starts:
        cand = words[i : i + 4]
        if all(w.isalnum() for w in cand) and all(" ".join(cand).lower() in f for f in flat):
            return " ".join(cand)
    raise AssertionError("no probe")


SPEAKERS = {
    "en": ["Interviewer", "Q", "Researcher"],
    "ko": ["면담자", "질문", "연구자"],
}


def turn(style: str, lang: str, who: str, text: str, clock: list[int]) -> str:
    ask = who == "I"
    if style == "qa":
        return ("Q: " if ask else "A: ") + text + "\n\n"
    if style == "ko_qa":
        return ("질문: " if ask else "답변: ") + text + "\n\n"
    if style == "stamps":
        clock[0] += rng.randint(9, 140)
        t = clock[0]
        stamp = f"[{t // 3600:02d}:{t // 60 % 60:02d}:{t % 60:02d}]"
        label = ("면담자" if lang == "ko" else "Interviewer") if ask else who
        return f"{stamp} {label}: {text}\n"
    label = ("면담자" if lang == "ko" else "Interviewer") if ask else who
    return f"{label}: {text}\n\n"


RECORD: list[list[tuple[str, str]]] = []
REPLAY: list[list[tuple[str, str]]] = []


def answer(lang: str, q: int, last_stock: list[bool]) -> tuple[str, str]:
    """(answer, its translation): a stock reply now and then, never two in a row."""
    if not last_stock[0] and rng.random() < 0.15:
        last_stock[0] = True
        s = rng.choice(STOCK)
        return (s[0], s[1]) if lang == "ko" else (s[1], s[0])
    last_stock[0] = False
    picks = rng.sample(SENTENCES, rng.randint(2, 5))
    if REPLAY:  # a second participant telling a similar story: same sentences, other facts
        picks = REPLAY.pop(0)
    RECORD.append(picks)
    state = rng.getstate()
    ko = " ".join(fill(p[0], "ko") for p in picks)
    rng.setstate(state)
    en = " ".join(fill(p[1], "en") for p in picks)
    return (ko, en) if lang == "ko" else (en, ko)


def interview(n: int, style: str, lang: str, pseud: str, bilingual: bool = False) -> Doc:
    ext = ".md" if style == "speakers" and n % 2 else ".txt"
    d = Doc(f"interview_{n:02d}_{style}_{lang}{ext}", "interview", lang)
    head = (
        f"# {'면담' if lang == 'ko' else 'Interview'} {n:02d}: {pseud}\n\n" if ext == ".md" else ""
    )
    if lang == "ko":
        head += f"면담 기록 {n:02d} — 참여자 {pseud}\n날짜: 2025년 {rng.randint(1, 12)}월 "
        head += f"{rng.randint(1, 28)}일, 장소: {rng.choice(FILL['city']['ko'])}\n\n"
    else:
        head += f"Interview transcript {n:02d} - participant {pseud}\nDate: 2025-"
        head += f"{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}, "
        head += f"place: {rng.choice(FILL['city']['en'])}\n\n"
    d.put(head)
    clock = [rng.randint(0, 90)]
    consent = CONSENT[lang]
    d.put(turn(style, lang, "I", "", clock).rstrip("\n"))
    d.mark("protocol", "consent_" + lang, consent)
    d.put("\n" if style == "stamps" else "\n\n")
    ok = "네, 동의합니다." if lang == "ko" else "Yes, I agree."
    d.put(turn(style, lang, pseud, ok, clock))
    last = [False]
    qs = GUIDE[:]
    if rng.random() < 0.3:
        qs = qs[: rng.randint(10, len(qs))]
    for q in qs:
        qtext = q[0] if lang == "ko" else q[1]
        d.put(turn(style, lang, "I", qtext, clock))
        a, tr = answer(lang, 0, last)
        if bilingual:
            a = f"{a}\n({tr})"
        d.put(turn(style, lang, pseud, a, clock))
    d.put(turn(style, lang, "I", CLOSING[lang], clock))
    return d


def wrap(paras: list[str], width: int) -> str:
    return "\n\n".join(textwrap.fill(p, width) for p in paras)


def html_page(title: str, nav: str, before: str, body_html: str, after: str) -> tuple[str, str]:
    """An NGO/news page; returns (page up to the article, the tail after it)."""
    head = (
        f"<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>{html.escape(title)}"
        f"</title></head>\n<body>\n<nav><a href='/'>Home</a> <a href='/news'>{nav}</a> "
        "<a href='/donate'>Donate</a></nav>\n<main><article>\n"
        f"<h1>{html.escape(title)}</h1>\n{before}\n"
    )
    tail = (
        f"{after}\n</article></main>\n<footer><p>Subscribe to our newsletter</p>"
        "<p>© 2025 All rights reserved.</p></footer>\n</body></html>\n"
    )
    return head + body_html, tail


SITES = [
    (
        "ngo",
        "Stories",
        "<p class='share'>Share this story</p>",
        "<p>Donate now to support our work.</p>",
    ),
    (
        "news",
        "Society",
        "<p class='byline'>By staff reporter</p>",
        "<p>Tags: migration, welfare</p>",
    ),
    ("ngo", "Interviews", "<p class='intro'>Our series of conversations.</p>", "<p>Sign up</p>"),
    ("news", "Politics", "<p class='dateline'>Updated 09:14</p>", "<p>Related articles</p>"),
]


def p_html(paras: list[str]) -> str:
    return "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paras)


def qa_turns(lang: str, k: int) -> list[str]:
    """A short Q&A interview for an NGO page (distinct answers)."""
    out = []
    for q in rng.sample(GUIDE, k):
        a, _ = answer(lang, 0, [True])
        out += [
            ("Q. " if lang == "en" else "질문. ") + (q[1] if lang == "en" else q[0]),
            ("A. " if lang == "en" else "답. ") + a,
        ]
    return out


def host_html(d: Doc, lang: str, title: str, pid: str, paras: list[str], qa: bool) -> None:
    """A web page holding the article: an NGO Q&A page with the article appended, or news."""
    kind, nav, before, after = rng.choice(SITES)
    head = (
        f"<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>{html.escape(title)}"
        f"</title></head>\n<body>\n<nav><a href='/'>Home</a> <a href='/s'>{nav}</a> "
        "<a href='/donate'>Donate</a></nav>\n<main><article>\n"
        f"<h1>{html.escape(title)}</h1>\n{before}\n"
    )
    d.put(head)
    if qa:
        d.put(p_html(qa_turns(lang, rng.randint(3, 6))) + "\n")
        d.put("<h2>" + ("관련 기사" if lang == "ko" else "Related article") + "</h2>\n")
    else:
        lead = fill(rng.choice(ARTICLE_EN if lang == "en" else ARTICLE_KO), lang)
        d.put(p_html([lead]) + "\n")
    d.mark("planted", pid, p_html(paras), "\n\n".join(paras))
    d.put(
        f"\n{after}\n</article></main>\n<footer><p>Contact us</p>"
        "<p>© 2025 All rights reserved.</p></footer>\n</body></html>\n"
    )


def host_memo(d: Doc, lang: str, pid: str, text: str, plain: str) -> None:
    """A research memo (.md) quoting a report excerpt between the researcher's own notes."""
    ko = lang == "ko"
    d.put(f"# {'메모' if ko else 'Memo'}: {d.name[:-3]}\n\n")
    notes = [fill(s[0] if ko else s[1], lang) for s in rng.sample(SENTENCES, 3)]
    d.put(("연구자 메모. " if ko else "Analyst note. ") + " ".join(notes) + "\n\n")
    d.put("## 보고서 발췌\n\n" if ko else "## Report excerpt\n\n")
    d.mark("planted", pid, text, plain)
    notes = [fill(s[0] if ko else s[1], lang) for s in rng.sample(SENTENCES, 2)]
    d.put("\n\n" + ("후속 질문: " if ko else "Follow-up: ") + " ".join(notes) + "\n")


def host_capture(d: Doc, lang: str, title: str, pid: str, text: str, plain: str) -> None:
    """A plain-text capture of a web page (copied from a browser)."""
    d.put(
        f"{title}\n\n"
        + ("홈 | 소식 | 후원하기\n\n" if lang == "ko" else "Home | News | Donate\n\n")
    )
    d.mark("planted", pid, text, plain)
    d.put("\n\n" + ("이 기사를 공유하세요" if lang == "ko" else "Share this article") + "\n")


def host_tail(d: Doc, lang: str, pid: str, text: str, plain: str) -> None:
    """An article the transcriber pasted at the end of an interview."""
    d.put(
        "\n---\n"
        + (
            "참고 기사 (참여자가 보여 준 글)\n\n"
            if lang == "ko"
            else "Article the participant showed us\n\n"
        )
    )
    d.mark("planted", pid, text, plain)
    d.put("\n")


VARIATIONS = [
    "exact",
    "rewrap",
    "punct",
    "spacing",
    "case",
    "words",
    "partial",
    "rewrap+punct",
    "partial+words",
    "exact",
]
CONTAINERS = ["web_web", "tail_web", "memo_memo", "capture_web", "tail_memo", "web_capture"]


def build() -> dict[str, object]:
    docs: list[Doc] = []
    styles = ["qa", "ko_qa", "speakers", "stamps"]
    pseuds = [f"P{n:02d}" for n in range(1, 100)]
    interviews: list[Doc] = []
    for n in range(1, 57):
        style = styles[n % 4]
        lang = "ko" if style == "ko_qa" else ("en" if style == "qa" else rng.choice(["ko", "en"]))
        interviews.append(interview(n, style, lang, pseuds[n], bilingual=n % 9 == 0))
    near: list[dict[str, object]] = []
    # near-miss: two participants telling similar stories (same answer templates, other fills)
    for k in range(3):
        a_n, b_n = 57 + 2 * k, 58 + 2 * k
        lang = ["ko", "en", "ko"][k]
        RECORD.clear()
        da = interview(a_n, "speakers", lang, pseuds[a_n])
        REPLAY[:] = [r for r in RECORD if len(r) > 0]
        db = interview(b_n, "speakers", lang, pseuds[b_n])
        REPLAY.clear()
        interviews += [da, db]
        near.append({"kind": "similar_story", "docs": [da.name, db.name]})
    # near-miss: the same long vignette question, different answers
    for k in range(2):
        lang = ["en", "ko"][k]
        q = VIGNETTE[lang][k]
        pair = []
        for n in (63 + 2 * k, 64 + 2 * k):
            d = interview(n, "qa" if lang == "en" else "ko_qa", lang, pseuds[n])
            a, _ = answer(lang, 0, [False])
            d.put(turn("qa" if lang == "en" else "ko_qa", lang, "I", q, [0]))
            d.put(turn("qa" if lang == "en" else "ko_qa", lang, "P", a, [0]))
            interviews.append(d)
            pair.append(d.name)
        near.append({"kind": "long_question", "docs": pair})
    # near-miss: a transcript and its translation (other language, same story)
    for n in (67, 68, 69):
        state = rng.getstate()
        ko = interview(n, "speakers", "ko", pseuds[n])
        rng.setstate(state)
        en = interview(n, "speakers", "en", pseuds[n])
        interviews += [ko, en]
        near.append({"kind": "translation_pair", "docs": [ko.name, en.name]})
    docs += interviews
    # near-miss: two articles on the same topic, same structure, other facts
    for k in range(6):
        lang = "en" if k % 2 == 0 else "ko"
        bank = ARTICLE_EN if lang == "en" else ARTICLE_KO
        seq = rng.sample(bank, rng.randint(6, 14))
        pair = []
        for side in "ab":
            paras = [" ".join(fill(s, lang) for s in seq[i : i + 3]) for i in range(0, len(seq), 3)]
            d = Doc(f"topic_{k:02d}{side}.html", "web", lang)
            host_html(
                d,
                lang,
                f"{fill(FILL['headline'][lang][k % 6], lang)} ({k}{side})",
                f"nm{k}{side}",
                paras,
                qa=side == "a",
            )
            d.marks = [(("near_miss",) + m[1:]) for m in d.marks]  # type: ignore[misc]
            docs.append(d)
            pair.append(d.name)
        near.append({"kind": "same_topic_article", "docs": pair})
    # planted pairs
    planted: list[dict[str, object]] = []
    tails = [d for d in interviews[:56] if d.name.endswith(".txt")]
    rng.shuffle(tails)
    for k in range(44):
        pid = f"p{k:02d}"
        lang = "en" if k % 2 == 0 else "ko"
        how = VARIATIONS[k % len(VARIATIONS)]
        box = CONTAINERS[(k // 2) % len(CONTAINERS)]
        target = rng.choice([330, 380, 450]) if k % 5 == 0 else rng.randint(400, 2900)
        if "partial" in how:
            target = max(target, 700)
        head, paras = article(lang, target)
        first = paras
        second = paras
        if "partial" in how:
            lo = rng.randint(0, max(0, len(paras) // 3))
            hi = lo
            while sum(len(p) for p in paras[lo:hi]) < 0.6 * sum(len(p) for p in paras):
                hi += 1
            second = paras[lo:hi]
        second = vary(second, how.split("+")[-1], lang)
        shared_first = first if "partial" not in how else paras[lo:hi]
        title = f"{head} [{pid}]"
        copies = []
        for side, sparas in (("a", first), ("b", second)):
            role = box.split("_")[0 if side == "a" else 1]
            width = rng.randint(48, 76)
            wrapped = side == "b" and "rewrap" in how
            text = wrap(sparas, width) if wrapped else "\n\n".join(sparas)
            if role == "tail" and tails:
                d = tails.pop()
                host_tail(d, lang, pid, text, text)
            else:
                ext = {"web": ".html", "memo": ".md", "capture": ".txt"}.get(role, ".md")
                d = Doc(f"{role}_{pid}{side}{ext}", role, lang)
                if role == "web":
                    host_html(d, lang, f"{title}{side}", pid, sparas, qa=side == "a")
                elif role == "capture":
                    host_capture(d, lang, f"{title}{side}", pid, text, text)
                else:
                    host_memo(d, lang, pid, text, text)
                docs.append(d)
            # gold: the shared part of this copy (the whole copy, or the partial slice in a)
            s, e, plain = next((m[2], m[3], m[4]) for m in d.marks if m[1] == pid)
            if side == "a" and "partial" in how:
                sub = "\n\n".join(shared_first)
                off = plain.find(sub)
                if d.name.endswith(".html"):
                    off_src = d.text.find(p_html(shared_first), s)
                    s, e = off_src, off_src + len(p_html(shared_first))
                else:
                    s, e = s + off, s + off + len(sub)
                plain = sub
            copies.append({"doc": d.name, "start": s, "end": e, "text": plain})
        planted.append(
            {
                "id": pid,
                "lang": lang,
                "variation": how,
                "container": box,
                "copies": copies,
                "probe": probe(shared_first, [c["text"] for c in copies]),
            }
        )
    protocol = [
        {"doc": d.name, "start": m[2], "end": m[3], "text": m[4]}
        for d in docs
        for m in d.marks
        if m[0] == "protocol"
    ]
    DOCS.mkdir(exist_ok=True)
    for d in docs:
        (DOCS / d.name).write_text(d.text, encoding="utf-8")
        for m in d.marks:  # the ranges are code points of the file as written
            assert d.text[m[2] : m[3]] is not None
    return {
        "seed": SEED,
        "documents": {d.name: {"kind": d.kind, "lang": d.lang} for d in docs},
        "planted": planted,
        "protocol": protocol,
        "near_miss": near,
    }


VIGNETTE = {
    "en": [
        "I'd like to read you a short situation. Imagine a friend from your hometown calls late "
        "at night. She has just arrived, has no money and no phone of her own, and asks whether "
        "she can stay with you for a few weeks while she looks for work. You share a small flat "
        "with two people. What would you do, and who would you ask for advice first?",
        "",
    ],
    "ko": [
        "",
        "짧은 상황을 하나 읽어 드릴게요. 고향 친구가 밤늦게 전화를 했다고 상상해 보세요. 그 "
        "친구는 막 도착해서 돈도 없고 자기 휴대전화도 없습니다. 일자리를 찾는 몇 주 동안 "
        "같이 지내도 되는지 묻습니다. 지금 사시는 집은 작고 두 사람과 함께 쓰고 있어요. "
        "어떻게 하시겠어요? 그리고 누구에게 먼저 조언을 구하시겠어요? 천천히 생각해 보시고 "
        "편하게 말씀해 주세요.",
    ],
}


if __name__ == "__main__":
    gold = build()
    (HERE / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n")
    print(
        len(gold["documents"]),
        "documents,",
        len(gold["planted"]),
        "planted,",  # type: ignore
        len(gold["near_miss"]),
        "near-misses",
    )  # type: ignore[arg-type]
