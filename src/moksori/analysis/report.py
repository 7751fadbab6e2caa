"""The findings report: what a study reports, gathered from the project.

`build_report` collects the codebook, the themes (top-level categories) with
their frequencies by participant attribute and plots, the best quotes for
each theme with participant descriptors, memos, the reliability table and a
description of the sample; `report_render` writes it as one self-contained
HTML file (plots inlined) and as Markdown (plots beside it).

People appear only as pseudonyms and descriptors built from their attributes
(`coding.descriptors` refuses identity fields; a missing value drops its
clause). Quote text is printed as stored; the redacted view of the
de-identification issue will sit in front.

Every count is of one set of coders (`analysis.coded.choose`): the consensus
coder by default, or the coders named in ``counted_coders``; the report says
which. Adding up every coder's codings would count one judgement once per
coder. The reliability table compares ``agreement_coders`` instead.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

from moksori.analysis.coded import Selection, choose, coder_ids, load
from moksori.analysis.cooccurrence import cooccurrence
from moksori.analysis.frequencies import by_attribute
from moksori.analysis.tables import Table
from moksori.bilingual.pairs import Pairs
from moksori.bilingual.projection import other_range
from moksori.coding.cases import Cases
from moksori.coding.codebook import Code, Codebook, CodeLink
from moksori.coding.coders import Coders
from moksori.coding.memos import Memo, Memos
from moksori.coding.reliability import AgreementReport, Reliability
from moksori.errors import CodingError, MoksoriError
from moksori.protect.findings import Findings
from moksori.protect.scrub import Scrubber
from moksori.protect.view import ViewCache
from moksori.store import documents, passages
from moksori.store.database import Connection

# Attribute names the sample description looks for (first match wins).
AGE = ("age", "나이", "연령", "만나이", "age_years", "age years")
AGE_BAND = ("age_band", "age band", "age_group", "age group", "agegroup", "연령대", "나이대")
BIRTH_YEAR = ("birth_year", "birth year", "year_of_birth", "출생연도", "출생년도")
YEAR_LEFT = ("year_left", "year left", "left", "탈북연도", "탈북년도")
GENDER = ("gender", "sex", "성별")
PROVINCE = ("home_province", "province", "출신지역", "고향")
DEFAULT_TEMPLATE = "{pseudonym}"
QUOTE_MIN, QUOTE_MAX = 40, 360  # characters: long enough to carry meaning, short to print


@dataclass
class Quote:
    text: str
    who: str  # descriptor, or the document label when no case is linked
    document: str
    start: int
    end: int
    coders: int  # how many coders coded (an overlap of) this passage with the theme
    code: str
    document_id: int = 0
    beside: str | None = None  # the aligned text in the pair's other language
    beside_lang: str | None = None


@dataclass
class Theme:
    code: Code
    codes: list[tuple[Code, int, int]]  # code, codings, cases
    by_attribute: list[tuple[str, Table, str | None]]  # attribute, table, plot file
    quotes: list[Quote]


@dataclass
class Sample:
    participants: int
    ages: list[int]
    age_note: str
    age_bands: dict[str, int]  # level -> participants, when ages are recorded as bands
    years_left: list[int]
    genders: dict[str, int]
    provinces: dict[str, int]
    descriptors: dict[str, str]


@dataclass
class Report:
    title: str
    documents: int
    coders: list[str]  # every coder of the project
    codebook: list[Code]
    links: list[CodeLink]
    core: Code | None
    sample: Sample
    themes: list[Theme]
    cooccurrence: Table | None
    cooccurrence_plot: str | None
    reliability: AgreementReport | None
    reliability_note: str
    memos: list[Memo]
    counted: list[str] = field(default_factory=list)  # whose codings every count counts
    notes: list[str] = field(default_factory=list)
    # PNG bytes by file name: drawn in memory, written beside the report by
    # `write_plots`, embedded in the HTML.
    plots: dict[str, bytes] = field(default_factory=dict)


@dataclass
class ReportOptions:
    title: str = "Findings"
    template: str = DEFAULT_TEMPLATE
    # Whose codings the counts, tables and quotes use (see analysis.coded.choose):
    # these coders, and the consensus coder with ``consensus``; default: the consensus.
    counted_coders: list[str] = field(default_factory=list)
    consensus: bool = False
    viewer: str | int | None = None  # blind coding: who is looking (name or coder id)
    # The coders the reliability table compares; default: every person who coded.
    agreement_coders: list[str] = field(default_factory=list)
    unit: str = "sentence"
    attributes: list[str] = field(default_factory=list)  # crosstabs; default: levelled ones
    quotes_per_theme: int = 3
    # Quotes and memos through the redacted view (issue 4). Off only on purpose:
    # `moksori report --original` is for the research team's own eyes.
    redacted: bool = True


def _find_attr(names: list[str], wanted: tuple[str, ...]) -> str | None:
    folded = {n.casefold(): n for n in names}
    return next((folded[w] for w in wanted if w in folded), None)


def describe_sample(conn: Connection, template: str) -> Sample:
    cases = Cases(conn)
    rows = cases.table()
    attrs = {a.name: a for a in cases.attributes()}
    names = list(attrs)
    age_attr, birth_attr = _find_attr(names, AGE), _find_attr(names, BIRTH_YEAR)
    band_attr = _find_attr(names, AGE_BAND)
    left_attr = _find_attr(names, YEAR_LEFT)
    gender_attr, province_attr = _find_attr(names, GENDER), _find_attr(names, PROVINCE)
    ages: list[int] = []
    bands: dict[str, int] = {}
    note = ""
    if age_attr:
        ages = [int(r[age_attr]) for r in rows if _number(r.get(age_attr))]
        note = f"attribute {age_attr}"
    if not ages and birth_attr:
        year = date.today().year
        ages = [year - int(r[birth_attr]) for r in rows if _number(r.get(birth_attr))]
        note = f"in {year}, from {birth_attr}"
    # ages kept as bands ("20s", "30대"), or an age attribute that holds bands
    band_source = band_attr or (age_attr if age_attr and not ages else None)
    if not ages and band_source:
        found = Counter(str(r[band_source]) for r in rows if r.get(band_source) not in (None, ""))
        levels = list(attrs[band_source].levels or []) if band_source in attrs else []
        order = [v for v in levels if v in found] + sorted(set(found) - set(levels))
        bands = {v: found[v] for v in order}
        note = f"attribute {band_source}"
    left = sorted(
        int(r[left_attr]) for r in rows if left_attr and isinstance(r.get(left_attr), int)
    )
    count = lambda attr: dict(  # noqa: E731
        Counter(str(r[attr]) for r in rows if attr and r.get(attr) not in (None, "")).most_common()
    )
    return Sample(
        participants=len(rows),
        ages=sorted(ages),
        age_note=note,
        age_bands=bands,
        years_left=left,
        genders=count(gender_attr) if gender_attr else {},
        provinces=count(province_attr) if province_attr else {},
        # a missing value drops its clause ("" = drop, see coding.descriptors)
        descriptors=cases.descriptors(template, missing="") if rows else {},
    )


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


QuoteText = Callable[[int, int, int], str]


def _quotes(
    conn: Connection,
    theme_ids: set[int],
    paths: dict[int, str],
    describe: dict[str, str],
    n: int,
    selection: Selection,
    quote_text: QuoteText | None = None,
) -> list[Quote]:
    """Passages of the counted coders' codings that most people coders agree on, spread
    over participants and sources first: a second quote from the same participant or
    source only when every other has given one."""
    counted = coder_ids(conn, selection)
    visible = coder_ids(conn, Selection(viewer=selection.viewer))
    rows = conn.execute(
        'SELECT g.code_id, g.document_id, g.start, g."end", g.coder_id, k.role FROM coding g '
        "JOIN coder k ON k.id = g.coder_id WHERE g.origin != 'projected' "
        "ORDER BY g.document_id, g.start"
    ).fetchall()
    themed = [r for r in rows if r[0] in theme_ids and (visible is None or r[4] in visible)]
    people = [r for r in themed if r[5] != "consensus"]  # who agrees: people, not consensus
    chosen_rows = [r for r in themed if counted is None or r[4] in counted]
    texts = passages.excerpts(conn, [(r[1], r[2], r[3]) for r in chosen_rows])
    labels = documents.document_labels(conn)
    if quote_text is not None:  # file names often carry the interviewee's name
        labels = {d: f"document {d}" for d in labels}
    cases = Cases(conn)
    candidates: list[tuple[tuple[int, int, int], Quote, str]] = []
    for (code_id, doc, start, end, coder, _role), text in zip(chosen_rows, texts, strict=True):
        if quote_text is not None:
            text = quote_text(doc, start, end)
        text = " ".join(text.split())
        agreeing = {r[4] for r in people if r[1] == doc and r[2] < end and r[3] > start}
        agreeing = agreeing or {coder}
        who_cases = cases.at(doc, start, end)
        who = "; ".join(describe.get(c, c) for c in who_cases) or labels.get(doc, str(doc))
        fits = QUOTE_MIN <= len(text) <= QUOTE_MAX
        key = (-len(agreeing), 0 if fits else 1, abs(len(text) - 160))
        quote = Quote(
            text, who, labels.get(doc, str(doc)), start, end, len(agreeing), paths[code_id], doc
        )
        candidates.append((key, quote, who_cases[0] if who_cases else f"doc{doc}"))
    candidates.sort(key=lambda c: c[0])
    return _spread(candidates, n, conn, quote_text)


def _spread(
    candidates: list[tuple[tuple[int, int, int], Quote, str]],
    n: int,
    conn: Connection,
    quote_text: QuoteText | None,
) -> list[Quote]:
    """The best quotes, new participant and new source first, then a new participant,
    then a new source, then any passage not overlapping one already chosen."""
    chosen: list[Quote] = []
    seen_people: set[str] = set()
    seen_docs: set[int] = set()
    seen_spans: list[tuple[int, int, int]] = []
    for rule in ("new person and source", "new person", "new source", "any"):
        for _key, q, person in candidates:
            if len(chosen) >= n:
                break
            overlaps = any(
                d == q.document_id and s < q.end and e > q.start for d, s, e in seen_spans
            )
            new_person, new_doc = person not in seen_people, q.document_id not in seen_docs
            if overlaps or (rule.startswith("new person") and not new_person):
                continue
            if rule.endswith("source") and not new_doc:
                continue
            chosen.append(q)
            seen_people.add(person)
            seen_docs.add(q.document_id)
            seen_spans.append((q.document_id, q.start, q.end))
    _add_translations(conn, chosen, quote_text)
    return chosen


def _add_translations(conn: Connection, quotes: list[Quote], quote_text: QuoteText | None) -> None:
    """Beside each quote from an aligned pair, the aligned text in the other language
    (through the same redacted view as the quote)."""
    pairs = Pairs(conn)
    for q in quotes:
        for pair in pairs.of_document(q.document_id):
            if pair.aligned_at is None:
                continue
            span = other_range(conn, pair, q.document_id, q.start, q.end)
            if span is None:
                continue
            other = pair.other(q.document_id)
            if quote_text is not None:
                text = quote_text(other, *span)
            else:
                text = documents.document_excerpt(conn, other, *span)
            q.beside = " ".join(text.split())
            q.beside_lang = (
                pair.translation_lang if other == pair.translation_id else pair.original_lang
            )
            break


def build_report(conn: Connection, options: ReportOptions) -> Report:
    """Everything the report says, its plots included, built in memory: nothing is
    written (the web workspace serves it without a file ever holding a quote)."""
    from moksori.analysis.plots import bars_png, heatmap_png  # lazy: matplotlib (~420 ms)

    book = Codebook(conn)
    codes = book.tree()
    if not codes:
        raise CodingError("the codebook is empty: there is nothing to report yet")
    notes: list[str] = []
    plots: dict[str, bytes] = {}
    paths = {c.id: c.path for c in codes}
    sample = describe_sample(conn, options.template)  # a bad template is the first error
    sel = choose(conn, options.counted_coders, consensus=options.consensus, viewer=options.viewer)
    rolled = replace(sel, rollup=True)
    if options.redacted:
        codes, sample = _scrubbed(conn, codes, sample)
    counts, case_counts = _counts(conn, sel)
    attributes = options.attributes or [
        a.name for a in Cases(conn).attributes() if a.type in ("category", "ordinal", "boolean")
    ]
    views = _redaction(conn, notes) if options.redacted else None
    if not options.redacted:
        notes.append("NOT DE-IDENTIFIED: quotes and memos show the original text")
    themes: list[Theme] = []
    for n, top in enumerate(c for c in codes if c.parent_id is None):
        subtree = set(book.descendants(top.id))
        members = [c for c in codes if c.id in subtree]
        tabs: list[tuple[str, Table, str | None]] = []
        for attr in attributes:
            try:
                # rolled up, the theme's own row counts everyone with any of its codes
                table = by_attribute(conn, attr, measure="cases", selection=rolled).select_rows(
                    [c.path for c in members]
                )
            except (MoksoriError, ValueError) as exc:
                notes.append(f"no table of {top.name} by {attr}: {exc}")
                continue
            table = table.nonzero_rows()
            if not table.rows:
                continue
            plot = f"theme-{n + 1}-{_slug(attr)}.png"
            plots[plot] = bars_png(table, title=f"{top.name}: participants by {attr}")
            tabs.append((attr, table, plot))
        themes.append(
            Theme(
                code=top,
                codes=[(c, counts.get(c.id, 0), case_counts.get(c.id, 0)) for c in members],
                by_attribute=tabs,
                quotes=_quotes(
                    conn,
                    subtree,
                    paths,
                    sample.descriptors,
                    options.quotes_per_theme,
                    sel,
                    views.quote if views is not None else None,
                ),
            )
        )
    co: Table | None = None
    co_plot: str | None = None
    try:
        co = cooccurrence(conn, "overlap", selection=sel).nonzero_rows()
        if co.rows:
            co_plot = "cooccurrence.png"
            plots[co_plot] = heatmap_png(co, title="Codes co-occurring in overlapping codings")
    except (MoksoriError, ValueError) as exc:
        notes.append(f"no co-occurrence table: {exc}")
    reliability, why = _reliability(conn, options)
    coders = [c.name for c in Coders(conn).list()]
    return Report(
        title=options.title,
        documents=documents.document_count(conn),
        coders=coders,
        codebook=codes,
        links=_links(conn, book.links(), options.redacted),
        core=next((c for c in codes if c.is_core), None),
        sample=sample,
        themes=themes,
        cooccurrence=co,
        cooccurrence_plot=co_plot,
        reliability=reliability,
        reliability_note=why,
        memos=_memos(conn, options.redacted),
        counted=list(map(str, sel.coders)) or ["nobody yet"],
        notes=notes,
        plots=plots,
    )


def _redaction(conn: Connection, notes: list[str]) -> ViewCache:
    """Quotes read through the redacted view; say what it could not yet cover."""
    findings = Findings(conn)
    unscanned, unreviewed = len(findings.unscanned_documents()), findings.unreviewed()
    if unscanned:
        notes.append(
            f"{unscanned} document(s) were never scanned for personal data "
            "(moksori deid scan): their quotes are shown as stored"
        )
    if unreviewed:
        notes.append(f"{unreviewed} finding(s) await review; they are redacted here")
    return ViewCache(conn)


def _scrubbed(conn: Connection, codes: list[Code], sample: Sample) -> tuple[list[Code], Sample]:
    """Definitions, criteria, examples and participant descriptors are free text
    around the documents: they pass through the same names and places as memos."""
    scrub = Scrubber.of(conn)

    def deep(text: str) -> str:
        return scrub.deep(text) or ""

    codes = [
        replace(
            c,
            definition=deep(c.definition),
            inclusion=deep(c.inclusion),
            exclusion=deep(c.exclusion),
            examples=[deep(e) for e in c.examples],
        )
        for c in codes
    ]
    descriptors = {k: scrub.descriptor(v) or "" for k, v in sample.descriptors.items()}
    return codes, replace(sample, descriptors=descriptors)


def _links(conn: Connection, links: list[CodeLink], redacted: bool) -> list[CodeLink]:
    if not redacted or not links:
        return links
    scrub = Scrubber.of(conn)
    return [replace(k, memo=scrub.deep(k.memo) or "") if k.memo else k for k in links]


def _memos(conn: Connection, redacted: bool) -> list[Memo]:
    memos = Memos(conn).list()
    if not redacted or not memos:
        return memos
    scrub = Scrubber.of(conn)
    for m in memos:
        m.text = scrub.deep(m.text) or ""
        m.title = scrub(m.title) or ""
    return memos


def _counts(conn: Connection, sel: Selection) -> tuple[dict[int, int], dict[int, int]]:
    """Codings and participants of each code, among the counted coders' codings."""
    codings: Counter[int] = Counter()
    people: dict[int, set[int]] = {}
    for g in load(conn, sel):
        codings[g.code_id] += 1
        people.setdefault(g.code_id, set()).update(g.cases)
    return dict(codings), {code: len(cases) for code, cases in people.items()}


def _reliability(conn: Connection, options: ReportOptions) -> tuple[AgreementReport | None, str]:
    coders = options.agreement_coders or [
        name
        for (name,) in conn.execute(
            "SELECT k.name FROM coder k WHERE k.role != 'consensus' "
            "AND EXISTS (SELECT 1 FROM coding g WHERE g.coder_id = k.id) ORDER BY k.id"
        )
    ]
    if len(coders) < 2:
        return None, "one coder only: no agreement to report"
    try:
        return Reliability(conn).agreement(coders, unit=options.unit), ""
    except MoksoriError as exc:
        return None, str(exc)


def _slug(text: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in text.casefold()).strip("-") or "x"


def age_summary(sample: Sample) -> str:
    if not sample.ages and sample.age_bands:
        bands = ", ".join(f"{band} ({n})" for band, n in sample.age_bands.items())
        return f"ages by band: {bands} ({sample.age_note})"
    if not sample.ages:
        return "ages not recorded"
    return (
        f"aged {min(sample.ages)}–{max(sample.ages)} (mean {statistics.mean(sample.ages):.1f}; "
        f"{sample.age_note})"
    )


def left_summary(sample: Sample) -> str:
    if not sample.years_left:
        return "years of leaving not recorded"
    return (
        f"left North Korea between {sample.years_left[0]} and {sample.years_left[-1]} "
        f"(median {statistics.median(sample.years_left):g})"
    )
