"""Near-misses for the second held-out set: document pairs that share facts or frames, not text.

Each must NOT be linked: the same event told twice, a press release and the news story that
rewrites it, two testimonies of one escape route, form letters, and two transcripts that share
only a long interview guide.
"""

from __future__ import annotations

from typing import Any

from gen import Doc, fill, interview, new, p_html, rng, testimony, web_head, web_tail
from pools import A_SENT, FILL, LONG_GUIDE, M_SENT

NEAR: list[dict[str, Any]] = []


def facts(lang: str) -> dict[str, str]:
    return {slot: rng.choice(pool[lang]) for slot, pool in FILL.items()}


def halves(lang: str) -> tuple[list[str], list[str]]:
    """The article templates split in two: each writer uses its own sentences."""
    order = rng.sample(A_SENT[lang], len(A_SENT[lang]))
    return order[: len(order) // 2], order[len(order) // 2 :]


def told(bank: list[str], lang: str, f: dict[str, str], n: int) -> list[str]:
    return [fill(t, lang, f) for t in rng.sample(bank, n)]


def news(name: str, lang: str, lines: list[str]) -> Doc:
    d = new(name, "web", lang)
    site = rng.choice([0, 1] if lang == "en" else [2, 3])
    web_head(d, lines[0][:40].rstrip(" ,.") + "…", site)
    for i in range(0, len(lines), 3):
        d.put(p_html(" ".join(lines[i : i + 3])) + "\n")
    web_tail(d, site)
    return d


QUOTE = {
    "en": '"We cannot keep asking {group} to wait {k} months for help," '
    "the director of {org} said.",
    "ko": '{org} 대표는 "{group}에게 도움을 {k}개월씩 기다리라고 할 수는 없다"고 말했다.',
}
ROUTE = {
    "en": [
        "It took us {k} days to reach {stop}.",
        "We hid near {stop} for a while.",
        "Passing {stop} was the part I feared most.",
        "At {stop} we had to change guides.",
    ],
    "ko": [
        "{stop}까지 가는 데 {k}일이 걸렸어요.",
        "{stop} 근처에서 한동안 숨어 지냈어요.",
        "{stop} 쪽을 지날 때가 제일 무서웠어요.",
        "{stop}에서 안내인이 바뀌었어요.",
    ],
}
LETTER = {
    "en": [
        "Dear applicant,\n\nThank you for contacting {org} about your application. We have "
        "reviewed the documents you sent to our office.",
        "If you have any questions about this decision, please call the office between ten "
        "and four on weekdays.",
        "With kind regards,\nThe case team",
    ],
    "ko": [
        "신청인께\n\n{org}에 신청서를 보내 주셔서 감사합니다. 보내 주신 서류를 모두 검토했습니다.",
        "이번 결정에 대해 궁금한 점이 있으시면 평일 오전 10시부터 오후 4시 사이에 사무실로 "
        "전화해 주십시오.",
        "감사합니다.\n사례관리팀 드림",
    ],
}


def near_misses() -> None:
    for k, lang in enumerate(("en", "ko", "en")):  # the same event, each reporter's own words
        f = facts(lang)
        one, two = halves(lang)
        a = news(f"event{k}a.html", lang, told(one, lang, f, 7))
        b = news(f"event{k}b.html", lang, told(two, lang, f, 7))
        NEAR.append({"kind": "same_event", "docs": [a.name, b.name]})
    for k, lang in enumerate(("en", "ko", "ko")):  # a press release and the story rewriting it
        f = facts(lang)
        one, two = halves(lang)
        quote = fill(QUOTE[lang], lang, f)
        rel = new(f"release{k}.txt", "release", lang)
        rel.put(("보도자료\n" if lang == "ko" else "PRESS RELEASE\n") + fill("{org}", lang, f))
        lines = told(one, lang, f, 6)
        rel.put("\n\n" + " ".join(lines[:3]) + f"\n\n{quote}\n\n" + " ".join(lines[3:]))
        rel.put("\n\n" + ("문의: 홍보팀" if lang == "ko" else "Media contact: press office") + "\n")
        lines = told(two, lang, f, 6)
        b = news(f"release{k}_news.html", lang, lines[:2] + [quote] + lines[2:])
        NEAR.append({"kind": "press_release_rewrite", "docs": [rel.name, b.name]})
    for k, lang in enumerate(("ko", "ko", "en")):  # two testimonies of the same escape route
        stops = rng.sample(FILL["city"][lang], 3) + rng.sample(FILL["place"][lang], 2)
        rng.shuffle(stops)
        pair = []
        for side in "ab":
            d = new(f"route{k}{side}.txt", "testimony", lang)
            d.put(("증언 " if lang == "ko" else "Testimony ") + f"{k}{side}\n\n")
            for stop in stops:
                line = rng.choice(ROUTE[lang]).replace("{stop}", stop)
                more = " ".join(testimony(lang) for _ in range(rng.randint(1, 3)))
                d.put(fill(line, lang) + " " + more + "\n\n")
            pair.append(d.name)
        NEAR.append({"kind": "same_escape_route", "docs": pair})
    for k, lang in enumerate(("ko", "en")):  # form letters: same frame, own content
        f = facts(lang)
        pair = []
        for side in "ab":
            d = new(f"letter{k}{side}.txt", "letter", lang)
            frame = [fill(x, lang, f) for x in LETTER[lang]]
            body = [" ".join(fill(s, lang) for s in rng.sample(M_SENT[lang], 3)) for _ in "12"]
            d.put(f"{frame[0]}\n\n{body[0]}\n\n{frame[1]}\n\n{body[1]}\n\n{frame[2]}\n")
            pair.append(d.name)
        NEAR.append({"kind": "form_letter", "docs": pair})
    for k, lang in enumerate(("en", "ko")):  # two transcripts sharing only a long guide
        a = interview(90 + 2 * k, lang, "labels", LONG_GUIDE)
        b = interview(91 + 2 * k, lang, "initials", LONG_GUIDE)
        NEAR.append({"kind": "long_guide_only", "docs": [a.name, b.name]})
