"""The web benchmarks' study: fictional interviews, cached projects, login, statistics."""

from __future__ import annotations

import os
import random
import re
import shutil
import statistics
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
WORK = HERE / "work"
sys.path.insert(0, str(REPO / "src"))

PASSPHRASE = "benchmark passphrase (fictional corpus)"
OWNER = ("Bench Owner", "bench owner password")
CODES = ("Crossing", "Family", "Work", "Food", "Health", "Faith", "Language", "Money")


# --- fictional text -------------------------------------------------------------
KO_QUESTIONS = (
    "언제 고향을 떠나셨어요?",
    "가족은 어떻게 되셨나요?",
    "중국에서는 어떠셨어요?",
    "처음 한국에 왔을 때 무엇이 가장 힘드셨어요?",
    "일자리는 어떻게 구하셨어요?",
    "지금은 고향 소식을 들으세요?",
)
# answer sentences and their translations, "Korean | English"
ANSWERS = [
    tuple(line.split(" | "))
    for line in """\
겨울에 강을 건넜습니다. | We crossed the river in winter.
너무 추웠어요. | It was so cold.
어머니는 고향에 남으셨어요. | My mother stayed at home.
식당에서 일했어요. | I worked in a restaurant.
말이 통하지 않아서 힘들었습니다. | It was hard because I could not speak the language.
브로커에게 돈을 많이 줬어요. | We paid the broker a lot of money.
동생과 함께 떠났습니다. | I left together with my younger brother.
밤에는 잠을 잘 수 없었어요. | At night I could not sleep.
하나원에서 석 달을 지냈어요. | I spent three months at Hanawon.
교회 사람들이 많이 도와줬어요. | People from the church helped us a lot.
지금은 공장에서 일하고 있어요. | Now I work in a factory.
가끔 고향 음식이 생각나요. | Sometimes I miss the food from home.
전화로 가족과 연락한 적이 있어요. | I once reached my family by phone.
억양 때문에 사람들이 자꾸 물어봤어요. | People kept asking about my accent.
""".splitlines()
]
EMOJI = ("🌊", "😢", "🙏", "🏠")
SEARCHES = ("강", "가족", "식당", "브로커", "하나원", "border", "family", "restaurant", "accent")


def interview_text(words: int, seed: int) -> str:
    """Speaker turns: a Korean question, a Korean answer, its English translation."""
    rng = random.Random(f"moksori-web:{seed}")
    lines: list[str] = []
    count = 0
    while count < words:
        question = rng.choice(KO_QUESTIONS)
        picks = rng.sample(ANSWERS, rng.randint(2, 6))
        answer = " ".join(ko for ko, _ in picks)
        if rng.random() < 0.3:
            answer += f" {rng.choice(EMOJI)}"
        english = " ".join(en for _, en in picks)
        for line in (f"면접자: {question}", f"참여자: {answer}", f"Translator: {english}"):
            lines += [line, ""]
            count += len(line.split()) - 1
    return "\n".join(lines)


# --- projects ---------------------------------------------------------------------
def _fresh(path: Path) -> None:
    for f in path.parent.glob(path.name + "*"):
        f.unlink()


def build_project(
    path: Path, docs: dict[str, str], coders: int, codings_per_doc: int, seed: int
) -> None:
    """A project with ``docs``, the owner and ``coders`` coder accounts, and
    ``codings_per_doc`` codings by the owner in each document (some overlap)."""
    from moksori.access.users import Users
    from moksori.project import Project

    _fresh(path)
    src = path.parent / f"{path.name}-texts"
    shutil.rmtree(src, ignore_errors=True)
    src.mkdir(parents=True)
    for name, text in docs.items():
        (src / name).write_text(text, encoding="utf-8")
    rng = random.Random(seed)
    with Project.create(path, PASSPHRASE) as p:
        report = p.add([src], workers=min(4, os.cpu_count() or 1))
        assert report.count("error") == 0, report.to_json()
        users = Users(p.conn)
        users.add(*OWNER, "owner")
        for i in range(coders):
            users.add(*coder_account(i), "coder")
        for code in CODES:
            p.codebook.create(code)
        for doc_id, passages in passages_of(p).items():
            for _ in range(codings_per_doc):
                start, end = rng.choice(passages)
                a = rng.randint(start, max(start, end - 2))
                b = rng.randint(a + 1, end)
                p.codings.apply(rng.choice(CODES), doc_id, a, b, coder=OWNER[0])
    shutil.rmtree(src)


def coder_account(i: int) -> tuple[str, str]:
    return f"Bench Coder {i:02d}", f"bench coder password {i:02d}"


def passages_of(p: Any) -> dict[int, list[tuple[int, int]]]:
    out: dict[int, list[tuple[int, int]]] = {}
    for doc_id, start, end in p.conn.execute(
        "SELECT document_id, start, \"end\" FROM segment WHERE kind != 'sentence' "
        'AND "end" - start >= 4 ORDER BY document_id, start'
    ):
        out.setdefault(doc_id, []).append((start, end))
    return out


def cached(name: str, build: Any) -> Path:
    path = WORK / name
    done = WORK / f"{name}.complete"
    if not (path.exists() and done.exists()):
        WORK.mkdir(parents=True, exist_ok=True)
        build(path)
        done.write_text("ok")
    return path


def working_copy(template: Path, name: str) -> Path:
    path = WORK / name
    _fresh(path)
    for f in template.parent.glob(template.name + "*"):
        if not f.name.endswith(".complete"):
            shutil.copy(f, WORK / f.name.replace(template.name, name, 1))
    return path


# --- statistics -------------------------------------------------------------------
def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def summary(times: list[float]) -> dict[str, float]:
    if not times:
        return {"p50_ms": 0.0, "p95_ms": 0.0, "max_ms": 0.0}
    return {
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(pct(times, 95), 1),
        "max_ms": round(max(times), 1),
    }


_LOGIN_CSRF = re.compile(r'name="login_csrf" value="([^"]+)"')
_SESSION_CSRF = re.compile(r'data-csrf="([^"]+)"')


def form_login(client: Any, name: str, password: str) -> str:
    """Log in through the real form (TestClient or httpx2.Client); the session's CSRF token."""
    page = client.get("/login", headers={"accept": "text/html"})
    token = _LOGIN_CSRF.search(page.text)
    if not token:
        raise RuntimeError(f"no login form (HTTP {page.status_code})")
    response = client.post(
        "/login",
        data={"name": name, "password": password, "login_csrf": token.group(1)},
        headers={"accept": "text/html"},
        follow_redirects=True,
    )
    csrf = _SESSION_CSRF.search(response.text)
    if response.status_code != 200 or not csrf or not csrf.group(1):
        raise RuntimeError(f"login refused (HTTP {response.status_code})")
    return csrf.group(1)
