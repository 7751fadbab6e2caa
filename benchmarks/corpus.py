"""Synthetic Korean/English interview corpus for benchmarks (all fictional, seeded).

``generate_corpus`` writes interview-style ``.txt`` transcripts (50–200 KB each) until
``target_bytes`` is reached; ``generate_segments`` yields short passages for building a large
search index. Text is recombined from :mod:`sentence_bank`: sentences and slot values are drawn
with Zipf-like weights, so common words (억양, 인터넷, family, accent) hit most files while rare
ones (재봉틀, accordion, pseudonyms) hit only a few. About one Korean transcript in ten keeps
North Korean spelling (로동, 녀성, 리용, 력사).

CLI: ``python benchmarks/corpus.py OUT_DIR --mb 50 [--seed 0]``
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import random
import re
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

_HERE = str(Path(__file__).resolve().parent)
if _HERE not in sys.path:  # run as a script, by file path, or as benchmarks.corpus
    sys.path.insert(0, _HERE)
import sentence_bank as bank  # noqa: E402

T = TypeVar("T")
Pair = tuple[str, str]

MIN_FILE_BYTES = 50_000
MAX_FILE_BYTES = 200_000
# Share of files by language: Korean, English, Korean with English translation.
LANG_WEIGHTS: tuple[tuple[str, float], ...] = (("ko", 0.55), ("en", 0.30), ("ko-en", 0.15))
NK_SPELLING_SHARE = 0.10  # Korean transcripts kept in North Korean spelling
P_RARE = 0.004  # chance that an answer sentence comes from the rare bank
P_NK_FLAVOUR = 0.01  # ... from the North Korean vocabulary bank (0.15 in NK-spelling files)
P_OPENER = 0.2  # chance that an answer sentence starts with an opener (그런데, Looking back)
ZIPF_S = 1.0

_SLOT_RE = re.compile(r"\{(\w+)(?:\|(\w+))?\}")
_DIGIT_FINAL = {  # (has final consonant, final is ㄹ) for a number's Korean reading
    "0": (True, False),
    "1": (True, True),
    "2": (False, False),
    "3": (True, False),
    "4": (False, False),
    "5": (False, False),
    "6": (True, False),
    "7": (True, True),
    "8": (True, True),
    "9": (False, False),
}
_JOSA = {"이": ("이", "가"), "은": ("은", "는"), "을": ("을", "를"), "과": ("과", "와")}


def josa(word: str, particle: str) -> str:
    """The form of ``particle`` (이/은/을/과/로) that fits after ``word``."""
    last = word.rstrip()[-1:]
    if "가" <= last <= "힣":
        jong = (ord(last) - 0xAC00) % 28
        final, rieul = jong != 0, jong == 8
    else:
        final, rieul = _DIGIT_FINAL.get(last, (False, False))
    if particle == "로":
        return "으로" if final and not rieul else "로"
    with_final, without = _JOSA[particle]
    return with_final if final else without


Part = str | tuple[str, str | None]


def _compile(template: str) -> tuple[Part, ...]:
    parts: list[Part] = []
    pos = 0
    for m in _SLOT_RE.finditer(template):
        if m.start() > pos:
            parts.append(template[pos : m.start()])
        parts.append((m.group(1), m.group(2)))
        pos = m.end()
    if pos < len(template):
        parts.append(template[pos:])
    return tuple(parts)


@dataclass(frozen=True)
class _Template:
    ko: tuple[Part, ...]
    en: tuple[Part, ...]
    slots: tuple[str, ...]
    en_lower_ok: bool  # English start may be lower-cased after an opener


def _template(pair: Pair) -> _Template:
    ko, en = _compile(pair[0]), _compile(pair[1])
    slots = tuple(dict.fromkeys(p[0] for p in ko if isinstance(p, tuple)))
    first = en[0]
    if isinstance(first, tuple):
        lower_ok = first[0] == "relative"
    else:
        lower_ok = first.split()[0] not in bank.EN_KEEP_CAPITAL
    return _Template(ko, en, slots, lower_ok)


def _cum_zipf(n: int, s: float = ZIPF_S) -> list[float]:
    return list(itertools.accumulate(1.0 / (rank + 1) ** s for rank in range(n)))


class _Weighted(Generic[T]):
    """Items drawn with Zipf weights by position (first is most common)."""

    __slots__ = ("items", "cum", "total")

    def __init__(self, items: Sequence[T], s: float = ZIPF_S) -> None:
        self.items = list(items)
        self.cum = _cum_zipf(len(self.items), s)
        self.total = self.cum[-1]

    def pick(self, rng: random.Random) -> T:
        return self.items[bisect.bisect_right(self.cum, rng.random() * self.total)]


@dataclass(frozen=True)
class _Profile:
    """The fixed facts of one fictional narrator."""

    city: tuple[str, str, str, str]
    year: Pair
    sk_place: Pair
    name: Pair
    woman: bool
    age: int


class _Bank:
    """Compiled sentence bank with seed-dependent frequency ranks."""

    def __init__(self, seed: int) -> None:
        rng = random.Random(f"moksori-bank:{seed}")
        self.answers: dict[str, _Weighted[_Template]] = {}
        self.questions: dict[str, list[_Template]] = {}
        for topic in bank.TOPIC_ORDER:
            templates = [_template(p) for p in bank.ANSWERS[topic]]
            rng.shuffle(templates)
            self.answers[topic] = _Weighted(templates, s=0.8)
            self.questions[topic] = [_template(p) for p in bank.QUESTIONS[topic]]
        self.rare = [_template(p) for p in bank.RARE]
        self.nk = [_template(p) for p in bank.NK_FLAVOUR]
        self.follow_ups = [_template(p) for p in bank.FOLLOW_UPS]
        self.short = [_template(p) for p in bank.SHORT_ANSWERS]
        self.openers = list(bank.ADVERBIALS)
        self.slots = {name: _Weighted(values) for name, values in bank.SLOTS.items()}
        self.cities = _Weighted(bank.NK_CITIES)
        self.names = [
            (f1[0] + f2[0], f1[1] + f2[1]) for f1 in bank.GIVEN_FIRST for f2 in bank.GIVEN_SECOND
        ]
        friends = list(self.names)
        rng.shuffle(friends)
        self.slots["friend"] = _Weighted(friends)

    def profile(self, rng: random.Random) -> _Profile:
        return _Profile(
            city=self.cities.pick(rng),
            year=self.slots["year"].pick(rng),
            sk_place=self.slots["sk_place"].pick(rng),
            name=rng.choice(self.names),
            woman=rng.random() < 0.7,
            age=rng.choice((20, 20, 30, 30, 30, 40, 40, 40, 50, 50, 60, 70)),
        )

    def values(
        self, tpl: _Template, rng: random.Random, profile: _Profile | None
    ) -> dict[str, Pair]:
        out: dict[str, Pair] = {}
        for slot in tpl.slots:
            if slot in ("nk_city", "province"):
                city = (
                    profile.city
                    if profile is not None and rng.random() < 0.85
                    else self.cities.pick(rng)
                )
                out["nk_city"], out["province"] = (city[0], city[1]), (city[2], city[3])
            elif slot == "year" and profile is not None and rng.random() < 0.7:
                out[slot] = profile.year
            elif slot == "sk_place" and profile is not None and rng.random() < 0.7:
                out[slot] = profile.sk_place
            else:
                out[slot] = self.slots[slot].pick(rng)
        return out


def _fill(parts: tuple[Part, ...], values: dict[str, Pair], index: int) -> str:
    out: list[str] = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
        else:
            value = values[part[0]][index]
            out.append(value + josa(value, part[1]) if part[1] else value)
    text = "".join(out)
    if index == 1 and text[:1].islower():
        text = text[0].upper() + text[1:]
    return text


def _to_nk_spelling(text: str) -> str:
    for south, north in bank.NK_SPELLING:
        text = text.replace(south, north)
    return text


class _Writer:
    """Renders sentences in one language mode ("ko", "en" or "ko-en")."""

    def __init__(self, b: _Bank, lang: str, nk: bool, profile: _Profile | None) -> None:
        self.b, self.lang, self.nk, self.profile = b, lang, nk, profile

    def render(
        self, tpl: _Template, rng: random.Random, opener: Pair | None = None
    ) -> tuple[str, str]:
        values = self.b.values(tpl, rng, self.profile) if tpl.slots else {}
        ko = _fill(tpl.ko, values, 0) if self.lang != "en" else ""
        en = _fill(tpl.en, values, 1) if self.lang != "ko" else ""
        if opener is not None:
            ko = f"{opener[0]} {ko}" if ko else ko
            if en:
                en = f"{opener[1]} {en[0].lower() + en[1:] if tpl.en_lower_ok else en}"
        if self.nk and ko:
            ko = _to_nk_spelling(ko)
        return ko, en

    def answer(self, topic: str, n: int, rng: random.Random) -> list[tuple[str, str]]:
        p_nk = 0.15 if self.nk else P_NK_FLAVOUR
        chosen: list[_Template] = []
        for _ in range(n):
            r = rng.random()
            if r < P_RARE:
                tpl = rng.choice(self.b.rare)
            elif r < P_RARE + p_nk:
                tpl = rng.choice(self.b.nk)
            else:
                tpl = self.b.answers[topic].pick(rng)
                for _retry in range(3):  # rarely repeat a sentence within one answer
                    if not any(tpl is c for c in chosen):
                        break
                    tpl = self.b.answers[topic].pick(rng)
            chosen.append(tpl)
        openers = self.b.openers
        return [
            self.render(t, rng, rng.choice(openers) if rng.random() < P_OPENER else None)
            for t in chosen
        ]


_KO_LABELS: tuple[tuple[str, str | None], ...] = (
    ("면접자", "참여자"),
    ("면접자", "참여자"),
    ("질문", "답변"),
    ("Q", "A"),
    ("연구자", None),
)
_EN_LABELS: tuple[tuple[str, str | None], ...] = (
    ("Q", "A"),
    ("Q", "A"),
    ("Interviewer", "Participant"),
    ("INT", "R"),
    ("Interviewer", None),
)
_ANSWER_LENGTHS = (1, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 6, 7, 8)
_MONTHS_EN = (
    "January February March April May June July August September October November December"
).split()


def _header(index: int, lang: str, nk: bool, p: _Profile) -> list[str]:
    if lang == "en":
        who, pron = ("woman", "her") if p.woman else ("man", "his")
        return [
            bank.NOTICE_EN,
            f"Interview transcript B-{index:05d} (synthetic)",
            f"Pseudonym: {p.name[1]} ({who} in {pron} {p.age}s, left North Korea in {p.year[1]}, "
            f"from {p.city[1]}, {p.city[3]})",
            "",
        ]
    who = "여성" if p.woman else "남성"
    lines = [
        bank.NOTICE_KO,
        f"면담 기록 B-{index:05d} (합성)",
        f"가명: {p.name[0]} ({p.age}대 {who}, {p.year[0]}년 탈북, {p.city[2]} {p.city[0]} 출신)",
    ]
    if nk:
        lines.append("비고: 참여자가 직접 쓴 답변은 원문 표기(북한식 맞춤법)를 그대로 살렸음.")
    if lang == "ko-en":
        lines.append("영어 번역은 [EN] 줄에 붙였음 / English translation on the [EN] lines.")
    lines.append("")
    return lines


def _decorate(
    text: str, fillers: tuple[str, ...], notes: tuple[str, ...], rng: random.Random
) -> str:
    if rng.random() < 0.15:
        text = f"{rng.choice(fillers)} {text}"
    if rng.random() < 0.05:
        text = f"{text} {rng.choice(notes)}"
    return text


def _interview(index: int, seed: int, b: _Bank, budget: int) -> tuple[str, str]:
    """One transcript of about ``budget`` UTF-8 bytes: (language tag, text)."""
    rng = random.Random(f"moksori-corpus:{seed}:{index}")
    r, lang = rng.random(), "ko"
    for name, weight in LANG_WEIGHTS:
        if r < weight:
            lang = name
            break
        r -= weight
    nk = lang != "en" and rng.random() < NK_SPELLING_SHARE
    profile = b.profile(rng)
    writer = _Writer(b, lang, nk, profile)
    ask, reply = rng.choice(_EN_LABELS if lang == "en" else _KO_LABELS)
    if reply is None:
        reply = profile.name[1] if lang == "en" else profile.name[0]
    lines = _header(index, lang, nk, profile)
    size = sum(len(line.encode()) + 1 for line in lines)
    session, year, month = 0, 2020 + rng.randrange(4), rng.randrange(12)

    def add(line: str) -> None:
        nonlocal size
        lines.append(line)
        size += len(line.encode()) + 1

    ko_side = lang != "en"
    fillers = bank.KO_FILLERS if ko_side else bank.EN_FILLERS
    notes = bank.KO_NOTES if ko_side else bank.EN_NOTES

    def turn(label: str, pairs: list[tuple[str, str]], en_label: str) -> None:
        texts = [p[0] if ko_side else p[1] for p in pairs]
        if en_label == "A":  # hesitations and transcriber notes only in answers
            texts = [_decorate(t, fillers, notes, rng) for t in texts]
        cut = len(texts) if len(texts) < 5 or rng.random() < 0.5 else len(texts) // 2
        add(f"{label}: {' '.join(texts[:cut])}")
        if cut < len(texts):
            add("")
            add(" ".join(texts[cut:]))
        if lang == "ko-en":
            add(f"[EN] {en_label}: {' '.join(p[1] for p in pairs)}")
        add("")

    while size < budget:
        session += 1
        month = (month + 1 + rng.randrange(2)) % 12
        if lang == "en":
            add(f"── Session {session} ({_MONTHS_EN[month]} {year}) ──")
        else:
            add(f"── {session}회차 면담 ({year}년 {month + 1}월) ──")
        add("")
        for topic in bank.TOPIC_ORDER:
            if rng.random() > 0.6:
                continue
            for exchange in range(1 + (rng.random() < 0.35)):
                if exchange and rng.random() < 0.5:
                    q = rng.choice(b.follow_ups)
                else:
                    q = rng.choice(b.questions[topic])
                turn(ask, [writer.render(q, rng)], "Q")
                n = rng.choice(_ANSWER_LENGTHS)
                turn(reply, writer.answer(topic, n, rng), "A")
                if rng.random() < 0.06:
                    turn(ask, [writer.render(rng.choice(b.follow_ups), rng)], "Q")
                    turn(reply, [writer.render(rng.choice(b.short), rng)], "A")
            if size >= budget:
                break
        if lang == "en":
            add("[End of session]")
        else:
            add("[면담 종료]")
        add("")
    return lang, "\n".join(lines) + "\n"


def generate_corpus(out_dir: Path, target_bytes: int, seed: int = 0) -> list[Path]:
    """Write synthetic transcripts into ``out_dir`` totalling at least ``target_bytes``.

    Files are 50–200 KB (the last may differ), named ``interview-NNNNN.<lang>.txt`` with
    lang ``ko``, ``en`` or ``ko-en``; each file depends only on ``seed`` and its index, and
    existing files of the same names are overwritten. The total overshoots by at most one
    paragraph per file.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    b = _Bank(seed)
    sizes = random.Random(f"moksori-sizes:{seed}")
    paths: list[Path] = []
    total, index = 0, 0
    while total < target_bytes:
        remaining = target_bytes - total
        budget = sizes.randint(MIN_FILE_BYTES, MAX_FILE_BYTES)
        if remaining - budget < MIN_FILE_BYTES:
            budget = remaining
        lang, text = _interview(index, seed, b, budget)
        data = text.encode("utf-8")
        path = out_dir / f"interview-{index:05d}.{lang}.txt"
        path.write_bytes(data)
        paths.append(path)
        total += len(data)
        index += 1
    return paths


def generate_segments(n: int, seed: int) -> Iterator[str]:
    """Yield ``n`` short passages (1–3 sentences, Korean or English) for index benchmarks."""
    b = _Bank(seed)
    rng = random.Random(f"moksori-segments:{seed}")
    writers = {
        ("ko", False): _Writer(b, "ko", False, None),
        ("ko", True): _Writer(b, "ko", True, None),
        ("en", False): _Writer(b, "en", False, None),
    }
    lengths = (1, 2, 2, 3, 3, 3, 3)
    for _ in range(n):
        lang = "ko" if rng.random() < 0.6 else "en"
        nk = lang == "ko" and rng.random() < 0.05
        writer = writers[(lang, nk)]
        side = 0 if lang == "ko" else 1
        topic = rng.choice(bank.TOPIC_ORDER)
        pairs: list[tuple[str, str]] = []
        if rng.random() < 0.1:
            pairs.append(writer.render(rng.choice(b.questions[topic]), rng))
        pairs.extend(writer.answer(topic, rng.choice(lengths), rng))
        fillers = bank.KO_FILLERS if side == 0 else bank.EN_FILLERS
        notes = bank.KO_NOTES if side == 0 else bank.EN_NOTES
        yield " ".join(_decorate(p[side], fillers, notes, rng) for p in pairs)


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description="Generate a synthetic benchmark corpus.")
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--mb", type=float, default=50.0, help="total size in MB (10^6 bytes)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    paths = generate_corpus(args.out_dir, int(args.mb * 1_000_000), seed=args.seed)
    total = sum(p.stat().st_size for p in paths)
    elapsed = time.perf_counter() - started
    print(f"{len(paths)} files, {total:,} bytes in {args.out_dir} ({elapsed:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
