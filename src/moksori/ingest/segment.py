"""Split a stored document into passages and sentences.

Passages are what search results show and what gets index terms: speaker
turns for transcripts, paragraphs otherwise, and reader-given units (subtitle
cues, table rows, docx paragraphs) kept as they are. Sentences inside each
passage support finer highlighting and quoting.

Output order is document order: each passage followed by its sentences, whose
``parent`` is the passage's index in the returned list.

Turns: a line starting with a speaker label ("김순희:", "Q:", "A.", "면접자:",
"Interviewer:", "P1:", optionally after a timestamp "[00:01:23]") starts a
turn, which runs over the following lines (blank lines included) until the
next label. **The turn segment covers the label too** (``start`` is the label's
first character) so the passage reads like the transcript; its sentences
cover the content after the label only, and ``speaker`` is the label without
the colon. A turn with no content after its label is dropped. Reader blocks of
kind "turn" without a speaker take the label at their start as speaker, or
become paragraphs; reader blocks of kind "sentence" become paragraphs.

Transcript mode is decided per document and needs several labelled lines, so
"Note: ..." in prose or a time "10:30" never make a transcript: a label is at
line start, ≤ 20 characters, ≤ 3 words, starts with a letter or digit,
contains a letter, has no sentence punctuation, and is either a known
interview role (Q, A, 면접자, Interviewer, P1, ...) or appears on at least two
lines. Interpreter notes ("[통역]", "(웃음)") never start a turn.

Long passages: a passage longer than :data:`MAX_PASSAGE_CHARS` (a file with no
line breaks, a cue or row pasted from a whole book) is cut into several of the
same kind and speaker, at a sentence end if there is one in the second half
of the window, else at a space, else hard. The stored text is never changed:
only the segments. Kiwi thus never sees a multi-megabyte string, and a
one-line file costs what the same bytes in paragraphs cost.

Passages are analysed in batches of about :data:`BATCH_CHARS` characters: each
batch's Kiwi tokens give its sentences and index terms and are then dropped,
so memory follows the batch, not the document.

INVARIANT: every segment has ``0 <= start < end <= len(text)``, neither end is
whitespace, and sentences lie inside their parent passage.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from kiwipiepy import Token

from moksori.errors import UnsafeFile
from moksori.ingest.language import detect_language, sentence_languages
from moksori.ingest.limits import SPLIT_HINT
from moksori.ingest.linekinds import ends_sentence, is_byline, weight
from moksori.ingest.model import Block, SegmentKind, SegmentSpan
from moksori.korean.kiwi import tokenize_many
from moksori.korean.terms import terms_of_tokens

MAX_LABEL = 20
# Longest passage given to Kiwi and to search as one unit (characters).
MAX_PASSAGE_CHARS = 4000
# Characters of passages tokenised together before their tokens are dropped.
BATCH_CHARS = 250_000
# Lines and passages one document may have (each costs objects all the way to
# the store); far beyond a book, and what 16 million characters of "a\n\n" are not.
MAX_LINES = 1_000_000
MAX_PASSAGES = 500_000
MAX_LABEL_WORDS = 3
MIN_TRANSCRIPT_LINES = 3

_TIMESTAMP = r"(?:[\[(]?\d{1,2}(?::\d{2}){1,2}(?:[.,]\d{1,3})?[\])]?[ \t]+)?"
_COLON_LABEL = re.compile(
    rf"{_TIMESTAMP}(?P<label>[^\W_][^:：\n]{{0,{MAX_LABEL + 5}}})[:：](?![/\d])"
)
_DOT_LABEL = re.compile(rf"{_TIMESTAMP}(?P<label>(?:Q|A|문|답)\d{{0,2}})[.)][ \t]")
_FORBIDDEN_IN_LABEL = re.compile(r"[,!?;\"“”‘’…。、「」『』\[\]{}<>]")
_KNOWN_LABEL = re.compile(
    r"(?:q|a|i|r|p|s|iv|ie|문|답|질문|답변|대답|면접자|면담자|연구자|조사자|참여자|구술자|"
    r"피면접자|응답자|화자|통역|통역사|통역자|interviewer|interviewee|respondent|"
    r"participant|researcher|interpreter|translator|moderator|speaker|question|answer)"
    r"(?:\s*(?:\d{1,3}|[a-z]|[가-힣]))?"
)
# Prose and header keys that look like labels but are never speakers.
NOT_SPEAKERS: frozenset[str] = frozenset(
    """note notes nb ps p.s source sources date time location place subject title re fwd
    from to cc summary abstract example warning caution keywords tags url link
    참고 주 비고 날짜 일시 장소 제목 출처 요약 예 주의 시간""".split()
)

_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st jr sr vs fig no nos vol pp approx gen col lt sgt capt rev
    hon mt ft jan feb mar apr jun jul aug sep sept oct nov dec inc ltd co corp""".split()
)
# Case matters: "US dollars" and "WE Charity" are no first person, "We" opening a sentence is.
_FIRST_PERSON = re.compile(
    r"\b(?:I|I'm|I've|I'd|I'll|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself|[Ww]e|[Ww]e're|[Ww]e've|[Uu]s|"
    r"[Oo]urs?)\b|"
    r"(?:^|\s)(?:저는|제가|저도|저희|저를|저한테|나는|내가|나도|우리|제)(?=\s|$)"
)
_WRITTEN_KO = re.compile(r"[가-힣]다\.(?:\s|$)")
_SPOKEN_KO = re.compile(r"[가-힣](?:요|죠|까)[.?!](?:\s|$)")
_SENTENCE_END = re.compile(r"(?:[.!?…]+|。)[\"'”’)\]]*(?=\s)")
# Where a long passage may be cut: after a sentence end and its spaces.
_CUT_AFTER = re.compile(r"[.!?…。]+[\"'”’)\]]*\s+")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.$")
_DOTTED = re.compile(r"(?:\b[A-Za-z]\.){2,}$")


@dataclass
class _Passage:
    kind: SegmentKind
    start: int
    end: int
    content_start: int
    speaker: str | None = None
    cue_start_ms: int | None = None
    cue_end_ms: int | None = None


# Zero-width spaces are kept in stored text (ingest.normalise) but are no content: a
# line of them alone is a blank line, and a passage does not start or end with one.
_ZERO_WIDTH_SPACES = frozenset("\u200b\u2060\ufeff")


def _blank(ch: str) -> bool:
    return ch.isspace() or ch in _ZERO_WIDTH_SPACES


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and _blank(text[start]):
        start += 1
    while end > start and _blank(text[end - 1]):
        end -= 1
    return start, end


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Stripped non-blank lines of ``text[start:end]``; blank lines as (-1, -1)."""
    out = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        line_end = end if nl < 0 else nl
        s, e = _strip(text, pos, line_end)
        out.append((s, e) if s < e else (-1, -1))
        pos = line_end + 1
    return out


def _label_at(text: str, start: int, end: int) -> tuple[str, int] | None:
    """A candidate speaker label at ``start``: (label, offset after the colon)."""
    match = _COLON_LABEL.match(text, start, end) or _DOT_LABEL.match(text, start, end)
    if match is None:
        return None
    label = " ".join(match.group("label").split())
    if (
        len(label) > MAX_LABEL
        or len(label.split()) > MAX_LABEL_WORDS
        or label.endswith(".")
        or _FORBIDDEN_IN_LABEL.search(label)
        or not any(c.isalpha() for c in label)
        or label.casefold() in NOT_SPEAKERS
    ):
        return None
    return label, match.end()


def _is_known(label: str) -> bool:
    return _KNOWN_LABEL.fullmatch(label.casefold()) is not None


def _transcript_labels(
    text: str, lines: list[tuple[int, int]]
) -> dict[int, tuple[str, int]] | None:
    """Turn-starting lines (by start offset) if the document is a transcript."""
    found: dict[int, tuple[str, int]] = {}
    for s, e in lines:
        if s >= 0:
            label = _label_at(text, s, e)
            if label is not None:
                found[s] = label
    counts = Counter(label for label, _ in found.values())
    turns = {s: v for s, v in found.items() if counts[v[0]] >= 2 or _is_known(v[0])}
    if len(turns) >= MIN_TRANSCRIPT_LINES:
        return turns
    if len(turns) == 2 and all(_is_known(v[0]) for v in turns.values()):
        return turns
    return None


_CLOSING_QUOTES = ('"', "”", "'", "’")
_STOPPED = re.compile(r"[.!?。…][\"'”’]+$")


def _article_starts(text: str, lines: list[tuple[int, int]], index: int) -> bool:
    """Whether an article's headline stands at ``lines[index]``: a short line that is no
    sentence, then a byline (a date or an author) that is none either, then more text.

    Web pages append a related article under a Q&A interview; without this the
    last speaker's turn would run on over the article's headline and paragraphs.
    """
    s, e = lines[index]
    headline = text[s:e]
    # A Korean headline often ends in a quote ('… "고독사 위험군 관리 필요"'), whose last
    # syllable looks like a sentence's end; a quoted sentence ends in a full stop.
    quoted = headline.endswith(_CLOSING_QUOTES) and not _STOPPED.search(headline)
    if weight(headline) > 120 or len(headline.split()) < 2:
        return False
    if ends_sentence(headline) and not quoted:
        return False
    following: list[tuple[int, int]] = []
    for line in lines[index + 1 : index + 12]:  # a few blank lines at most in between
        if line[0] >= 0:
            following.append(line)
            if len(following) == 3:
                break
    if len(following) < 2:
        return False
    byline = text[following[0][0] : following[0][1]]
    if weight(byline) <= 120 and is_byline(byline) and not ends_sentence(byline):
        return True
    # No byline: a headline opening a paragraph (a blank line or removed chrome above it)
    # over a lead written about others, not by the speaker ("Researchers who follow ...").
    # The lead is judged with the paragraphs under it: a short first one ("Most money
    # travels through brokers.") says too little alone.
    opens = (index == 0 or lines[index - 1][0] < 0) and not ends_sentence(headline)
    return opens and _third_person_lead(text[following[0][0] : following[-1][1]])


def _third_person_lead(paragraph: str) -> bool:
    """A long written paragraph with no first person: an article's lead, not a speaker's
    words (testimony says "I", "we", "저는", "우리"; a Korean lead ends in "-다.")."""
    if weight(paragraph) < 150 or not ends_sentence(paragraph) or _FIRST_PERSON.search(paragraph):
        return False
    hangul = sum(1 for c in paragraph if "가" <= c <= "힣")
    if hangul * 2 < len(paragraph):
        return True
    return _WRITTEN_KO.search(paragraph) is not None and _SPOKEN_KO.search(paragraph) is None


def _paragraphs(lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Group non-blank lines into blank-line separated paragraphs."""
    out: list[tuple[int, int]] = []
    current: list[int] | None = None
    for s, e in lines:
        if s < 0:
            current = None
        elif current is None:
            current = [s, e]
            out.append((s, e))
        else:
            current[1] = e
            out[-1] = (current[0], e)
    return out


def _passages(text: str, blocks: list[tuple[int, int, Block]]) -> list[_Passage]:
    n = len(text)
    clean = sorted(
        ((max(0, s), min(n, e), b) for s, e, b in blocks if min(n, e) > max(0, s)),
        key=lambda item: item[0],
    )
    free_lines = {i: _lines(text, s, e) for i, (s, e, b) in enumerate(clean) if b.kind is None}
    turns = _transcript_labels(text, [ln for lines in free_lines.values() for ln in lines])
    out: list[_Passage] = []
    turn: _Passage | None = None  # the open turn, which may continue
    for i, (start, end, block) in enumerate(clean):
        if block.kind is not None:
            turn = None
            s, e = _strip(text, start, end)
            if s >= e:
                continue
            kind: SegmentKind = "paragraph" if block.kind == "sentence" else block.kind
            passage = _Passage(kind, s, e, s, block.speaker, block.cue_start_ms, block.cue_end_ms)
            if kind == "turn" and not block.speaker:
                # A reader turn without a speaker: take its label, or it is
                # just a paragraph (every turn carries a speaker).
                label = _label_at(text, s, e)
                if label is None:
                    passage.kind = "paragraph"
                else:
                    passage.speaker, passage.content_start = label[0], label[1]
            out.append(passage)
            continue
        lines = free_lines[i]
        if turns is None:
            out.extend(_Passage("paragraph", s, e, s) for s, e in _paragraphs(lines))
            continue
        loose: list[tuple[int, int]] = []  # lines before the first turn
        last_label = max(turns)  # an article is appended where the Q&A has stopped
        for index, (s, e) in enumerate(lines):
            label = turns.get(s) if s >= 0 else None
            if (
                label is None
                and turn is not None
                and s > last_label
                and _article_starts(text, lines, index)
            ):
                turn = None  # an appended article: paragraphs, outside the turn
            if label is not None:
                out.extend(_Passage("paragraph", ps, pe, ps) for ps, pe in _paragraphs(loose))
                loose = []
                turn = _Passage("turn", s, e, label[1], label[0])
                out.append(turn)
            elif turn is not None:
                if s >= 0:
                    turn.end = e
            else:
                loose.append((s, e))
        out.extend(_Passage("paragraph", ps, pe, ps) for ps, pe in _paragraphs(loose))
    kept = [p for p in out if p.kind != "turn" or _strip(text, p.content_start, p.end)[0] < p.end]
    return [piece for p in kept for piece in _cut_long(text, p)]


def _cut_long(text: str, passage: _Passage, limit: int | None = None) -> list[_Passage]:
    """The passage itself, or consecutive pieces of at most ``limit`` characters."""
    limit = limit or MAX_PASSAGE_CHARS
    if passage.end - passage.start <= limit:
        return [passage]
    out: list[_Passage] = []
    pos = passage.start
    while pos < passage.end:
        stop = min(pos + limit, passage.end)
        if stop < passage.end:
            stop = _cut_point(text, pos, stop)
        s, e = _strip(text, pos, stop)
        if s < e:
            piece = _Passage(
                passage.kind,
                s,
                e,
                max(s, passage.content_start) if not out else s,
                passage.speaker,
                passage.cue_start_ms,
                passage.cue_end_ms,
            )
            out.append(piece)
        pos = stop
    return out


def _cut_point(text: str, start: int, stop: int) -> int:
    """Where to end a piece in ``text[start:stop]``: after the last sentence end or line
    break in its second half, else after the last space, else at ``stop``."""
    half = start + (stop - start) // 2
    last = -1
    for m in _CUT_AFTER.finditer(text, half, stop):
        last = m.end()
    if last < 0:
        nl = text.rfind("\n", half, stop)
        last = nl + 1 if nl >= 0 else -1
    if last < 0:
        space = max(text.rfind(" ", half, stop), text.rfind("\t", half, stop))
        last = space + 1 if space >= 0 else -1
    return last if last > start else stop


def _english_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Rule-based sentence spans of an English (or undetermined) chunk."""
    out = []
    sentence_start = start
    for match in _SENTENCE_END.finditer(text, start, end):
        stop = match.end()
        nxt = stop
        while nxt < end and text[nxt].isspace():
            nxt += 1
        if nxt >= end:
            break
        following = text[nxt]
        if following.islower() or following in ",;:":
            continue  # "e.g. this", "... and then"
        if text[match.start()] == ".":
            head = text[sentence_start : match.start() + 1]
            word = _WORD_BEFORE.search(head)
            if word is not None and (
                word.group(1).lower() in _ABBREVIATIONS
                or (len(word.group(1)) == 1 and word.group(1).isupper())
            ):
                continue  # "Dr. Kim", "J. Smith"
            if _DOTTED.search(head):
                continue  # "U.S.", "e.g."
        out.append((sentence_start, stop))
        sentence_start = nxt
    out.append((sentence_start, end))
    return out


def _kiwi_sentences(tokens: list[Token], base: int) -> list[tuple[int, int]]:
    """Sentence spans from Kiwi's ``sent_position`` (as ``split_into_sents`` does)."""
    spans: dict[int, list[int]] = {}
    for tk in tokens:
        span = spans.get(tk.sent_position)
        if span is None:
            spans[tk.sent_position] = [base + tk.start, base + tk.end]
        else:
            span[1] = base + tk.end
    return sorted((a, b) for a, b in spans.values())


def _sentences(
    text: str, passages: list[_Passage], langs: list[str], tokens: list[list[Token]]
) -> list[list[tuple[int, int]]]:
    """Sentence spans per passage: Kiwi's for Korean, rules for English.

    A passage's paragraphs (chunks) bound its sentences: a Kiwi sentence that
    runs over a blank line is cut there.
    """
    out: list[list[tuple[int, int]]] = [[] for _ in passages]
    for index, passage in enumerate(passages):
        lines = _lines(text, passage.content_start, passage.end)
        korean = langs[index] in ("ko", "mixed")
        kiwi_spans = _kiwi_sentences(tokens[index], passage.start) if korean else []
        for s, e in _paragraphs(lines):
            if korean:
                spans = [(max(a, s), min(b, e)) for a, b in kiwi_spans if a < e and b > s]
                spans = spans or [(s, e)]
            else:
                spans = _english_sentences(text, s, e)
            last = s
            for a, b in spans:
                a, b = _strip(text, max(a, last, s), min(b, e))
                if a < b:
                    out[index].append((a, b))
                    last = b
    return out


@dataclass
class Segmentation:
    """Segments, plus the index terms of each passage (in order), if asked for."""

    segments: list[SegmentSpan]
    passage_terms: list[str]


def segment(text: str, blocks: list[tuple[int, int, Block]]) -> list[SegmentSpan]:
    """Passages (paragraph/turn/cue/row) and their sentences, in document order."""
    return segment_and_index(text, blocks, with_terms=False).segments


def segment_and_index(
    text: str,
    blocks: list[tuple[int, int, Block]],
    with_terms: bool = True,
    source: str = "document",
) -> Segmentation:
    """Segment *text*, tokenising each passage with Kiwi exactly once.

    ``blocks`` gives where each reader block sits in ``text``; blocks with a
    ``kind`` become one passage each, the others are split into turns or
    paragraphs (see the module docstring). Passages go to Kiwi in batches of
    about :data:`BATCH_CHARS`, whose tokens give sentences and index terms.
    """
    # Lines and passages each cost Python objects: refuse before making millions.
    if text.count("\n") > MAX_LINES:
        raise UnsafeFile(source, f"the text has more than {MAX_LINES:,} lines; {SPLIT_HINT}")
    passages = _passages(text, blocks)
    if len(passages) > MAX_PASSAGES:
        raise UnsafeFile(source, f"the text has more than {MAX_PASSAGES:,} passages; {SPLIT_HINT}")
    out: list[SegmentSpan] = []
    terms: list[str] = []
    for batch in _batches(passages):
        langs = [detect_language(text[p.content_start : p.end]) for p in batch]
        chunks = [text[p.start : p.end] for p in batch]
        tokens = list(tokenize_many(chunks))
        sentences = _sentences(text, batch, langs, tokens)
        if with_terms:
            terms += terms_of_tokens(tokens, chunks)
        del tokens
        for passage, lang, spans in zip(batch, langs, sentences, strict=True):
            _append(out, text, passage, lang, spans)
    return Segmentation(out, terms)


def _batches(passages: list[_Passage]) -> list[list[_Passage]]:
    out: list[list[_Passage]] = []
    size = BATCH_CHARS
    for p in passages:
        if size >= BATCH_CHARS:
            out.append([])
            size = 0
        out[-1].append(p)
        size += p.end - p.start
    return out


def _append(
    out: list[SegmentSpan], text: str, passage: _Passage, lang: str, spans: list[tuple[int, int]]
) -> None:
    """One passage and its sentences."""
    # sentences may include the speaker label, so the whole passage is looked at
    sentence_langs = sentence_languages(
        text[passage.start : passage.end], [text[s:e] for s, e in spans]
    )
    parent = len(out)
    out.append(
        SegmentSpan(
            kind=passage.kind,
            start=passage.start,
            end=passage.end,
            speaker=passage.speaker,
            lang=lang,
            cue_start_ms=passage.cue_start_ms,
            cue_end_ms=passage.cue_end_ms,
        )
    )
    for (s, e), sentence_lang in zip(spans, sentence_langs, strict=True):
        out.append(
            SegmentSpan(
                kind="sentence",
                start=s,
                end=e,
                speaker=passage.speaker,
                lang=sentence_lang,
                parent=parent,
                cue_start_ms=passage.cue_start_ms,
                cue_end_ms=passage.cue_end_ms,
            )
        )
