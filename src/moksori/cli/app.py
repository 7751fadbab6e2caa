"""The `moksori` command: a thin shell over :class:`moksori.project.Project`.

Errors print one line and exit non-zero; a traceback only with --debug.
Listing and reporting commands take --json (data on stdout, progress on stderr).

Commands are registered lazily (`cli/lazy.py`): this index names each one, its
module and its help line, so `moksori --help` imports no area and a command
imports only its own (start-up was 1–1.5 s when every area loaded up front).
"""

from __future__ import annotations

from typing import Annotated

import typer

from moksori.cli.lazy import Lazy, LazyGroup

# In the order `moksori --help` lists them: Typer lists commands before groups.
COMMANDS: tuple[Lazy, ...] = (
    Lazy("init", "corpus", "Create a new encrypted project file."),
    Lazy("info", "corpus", "Schema version, encryption and contents of a project."),
    Lazy(
        "add",
        "corpus",
        "Ingest files and folders (txt, md, html, docx, pdf, hwp, hwpx, srt, vtt, csv).",
    ),
    Lazy("docs", "corpus", "List the documents in a project."),
    Lazy(
        "show",
        "corpus",
        "Print a document with its segments (and, with --removed, what was left out).",
    ),
    Lazy(
        "original",
        "corpus",
        "Write back the exact original bytes of the file a document came from.",
    ),
    Lazy(
        "search",
        "corpus",
        "Search in Korean and English: keywords (Kiwi lemmas, NK spelling, English stems), or\n"
        "by meaning (--semantic, after `moksori embed`), or both fused (--hybrid).",
    ),
    Lazy(
        "embed",
        "corpus",
        "Embed passages for meaning-based search (resumable; only what is missing).",
    ),
    Lazy(
        "merge",
        "codings",
        "Merge OTHER into PROJECT: documents by content hash, coders, codes by path, codings,\n"
        "cases and memos; conflicts are reported and nothing is lost. OTHER is not changed.",
    ),
    Lazy(
        "agreement",
        "reliability",
        "Percent agreement, Cohen's kappa and Krippendorff's alpha, per code and overall.",
    ),
    Lazy(
        "disagreements",
        "reliability",
        "Where two coders differ, unit by unit, with the decision taken on each.",
    ),
    Lazy(
        "reconcile",
        "reliability",
        "Decide disagreement units into the consensus coder (safe to run again).",
    ),
    Lazy(
        "freq",
        "analysis",
        "Code frequencies by document, by case, or by a case attribute (a crosstab).",
    ),
    Lazy(
        "cooccur",
        "analysis",
        "Which codes occur together: in overlapping ranges or in the same segment.",
    ),
    Lazy("matrix", "analysis", "The code × case matrix."),
    Lazy(
        "retrieve", "analysis", "Coded segments for a code among the cases whose attributes match."
    ),
    Lazy(
        "plot",
        "analysis",
        "Draw a co-occurrence heatmap, or bars of code frequency by document, case or attribute.",
    ),
    Lazy(
        "report",
        "report",
        "Write the findings report: codebook, themes by attribute with plots, best quotes\n"
        "with participant descriptors, memos, reliability and the sample description.",
    ),
    Lazy(
        "export",
        "interop",
        "Write the project as REFI-QDA (.qdpx) for NVivo, ATLAS.ti, MAXQDA or QualCoder.",
    ),
    Lazy(
        "import",
        "interop",
        "Bring in a REFI-QDA project (.qdpx: NVivo, ATLAS.ti, MAXQDA, QualCoder) or Taguette's.",
    ),
    Lazy(
        "pair",
        "bilingual",
        "Pair a document with its translation (files x.ko.txt / x.en.txt pair when added).",
    ),
    Lazy("pairs", "bilingual", "List translation pairs, with their alignment state."),
    Lazy(
        "unpair",
        "bilingual",
        "Undo a pair and its alignment; the documents and their codings stay.",
    ),
    Lazy("align", "bilingual", "Align a pair sentence by sentence (links set by hand are kept)."),
    Lazy(
        "alignment",
        "bilingual",
        "List a pair's links: sentence numbers on each side, confidence, the two texts.",
    ),
    Lazy("link", "bilingual", "Set a link by hand; it is kept when the pair is aligned again."),
    Lazy(
        "serve",
        "web",
        "Serve the web workspace: code, search, review de-identification, read reports.",
    ),
    Lazy(
        "audit",
        "audit",
        "The audit trail: who did what, when, to which records (ids and counts, never text).",
    ),
    Lazy(
        "shared",
        "shared",
        "List the long passages documents share: where each later copy is, and the earlier\n"
        "copy it repeats (the later one is left out of search and counts).",
    ),
    Lazy("codebook", "codebook", "The codebook: codes, categories, definitions, links."),
    Lazy(
        "code", "codings", "Apply codes to text: by segment, by range or to every hit of a search."
    ),
    Lazy("coder", "codings", "The people who code, and blind coding."),
    Lazy(
        "case",
        "cases",
        "Cases (participants): pseudonyms, attributes, links to documents and speakers.",
    ),
    Lazy("attribute", "cases", "Typed case attributes (birth year, age band, …)."),
    Lazy("memo", "memos", "Memos: analytic notes with author and time."),
    Lazy(
        "deid",
        "deid",
        "De-identification: find personal data, review it, pseudonymise, redact, measure risk.",
    ),
    Lazy("user", "web", "Accounts of the web workspace (owner, coder, viewer)."),
)


class MoksoriGroup(LazyGroup):
    index = COMMANDS


app = typer.Typer(
    name="moksori",
    help="moksori (목소리): secure, offline, bilingual workbench for testimony research.",
    cls=MoksoriGroup,
    no_args_is_help=True,
    add_completion=False,
    # Never render local variables: they can hold the passphrase or testimony text.
    pretty_exceptions_enable=False,
)


@app.callback()
def main_options(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
) -> None:
    from moksori.cli.common import state  # lazy: start-up (`--help` never runs this)
    from moksori.cli.passphrase import take_secrets  # lazy: start-up

    if debug:
        state["debug"] = True
    take_secrets()  # out of the environment before anything is started


def main() -> None:
    app()


if __name__ == "__main__":
    main()
