"""Write a `Report` as one self-contained HTML file and as Markdown.

The HTML inlines its plots (base64 PNG) and styles, so it can be mailed or
archived as one file and opened offline; the Markdown refers to the PNG
files written beside it.
"""

from __future__ import annotations

import base64
import html
from pathlib import Path

from moksori.analysis.report import Report, age_summary, left_summary
from moksori.analysis.tables import Table
from moksori.coding.reliability import CodeAgreement
from moksori.outputs import private_dir, write_output, write_text_output

_CSS = """
body{font-family:"Noto Sans KR","Apple SD Gothic Neo","Malgun Gothic",sans-serif;max-width:980px;
margin:2em auto;padding:0 1em;line-height:1.55;color:#222}
h1,h2,h3{line-height:1.25} table{border-collapse:collapse;margin:.6em 0;font-size:.92em}
th,td{border:1px solid #ccc;padding:.25em .55em;text-align:left;vertical-align:top}
th{background:#f3f3f3} td.n{text-align:right} blockquote{margin:.6em 0;padding:.4em 1em;
border-left:4px solid #2a6f97;background:#f7fafc} .who{color:#555;font-size:.9em}.beside{color:#555}
.swatch{display:inline-block;width:.8em;height:.8em;margin-right:.3em;border-radius:2px}
.core{color:#8b1e6b;font-weight:bold} img{max-width:100%} .muted{color:#777}
"""


def _e(text: object) -> str:
    return html.escape(str(text))


def _md(text: str) -> str:
    """Free text in Markdown: a redaction tag before "(" ("[이름](withdrawal)") is no link."""
    return text.replace("](", "]\\(")


def percent(x: float | None) -> str:
    """A share as a percentage people read: 99.7%, 100%, 0.4%; never 1.00 for 99.7%."""
    if x is None:
        return "—"
    value = x * 100
    for places in (1, 2, 3):
        text = f"{value:.{places}f}"
        # keep enough places that a share below 100% never reads as 100%, nor above 0% as 0%
        if (float(text) < 100 or x >= 1) and (float(text) > 0 or x <= 0):
            break
    return text.rstrip("0").rstrip(".") + "%" if "." in text else text + "%"


def coefficient(x: float | None) -> str:
    """κ and α with three decimals at most, two at least: 0.853, 0.90, 1.00, -0.12."""
    if x is None:
        return "—"
    text = f"{x:.3f}"
    return text[:-1] if text.endswith("0") else text


def _agreement_cells(row: CodeAgreement) -> list[str]:
    a, b = row.all_units, row.coded_only
    return [
        percent(a.percent_agreement),
        coefficient(a.kappa),
        coefficient(a.alpha),
        percent(b.percent_agreement),
        coefficient(b.kappa),
        coefficient(b.alpha),
    ]


def counted_line(rep: Report) -> str:
    """Whose codings the counts are of, and every coder of the project."""
    return (
        f"Counts are of the codings by {', '.join(rep.counted)}; "
        f"project coders: {', '.join(rep.coders)}."
    )


def _table_html(t: Table) -> str:
    head = "".join(f"<th>{_e(c)}</th>" for c in [t.row_header or "", *t.columns])
    body = "".join(
        "<tr><td>"
        + _e(r)
        + "</td>"
        + "".join(f'<td class="n">{_e(v)}</td>' for v in line)
        + "</tr>"
        for r, line in zip(t.rows, t.values, strict=True)
    )
    return f"<table><tr>{head}</tr>{body}</table>"


def _table_md(t: Table) -> list[str]:
    lines = ["| " + " | ".join([t.row_header or "", *t.columns]) + " |"]
    lines.append("|" + "---|" * (len(t.columns) + 1))
    for r, line in zip(t.rows, t.values, strict=True):
        lines.append("| " + " | ".join([r, *(str(v) for v in line)]) + " |")
    return lines


def _img(rep: Report, name: str | None, alt: str) -> str:
    if not name:
        return ""
    data = base64.b64encode(rep.plots[name]).decode("ascii")
    return f'<p><img alt="{_e(alt)}" src="data:image/png;base64,{data}"></p>'


def _agreement_rows(rep: Report) -> list[tuple[str, CodeAgreement]]:
    r = rep.reliability
    if r is None:
        return []
    return [*((c.code, c) for c in r.codes), ("overall (pooled)", r.overall)]


def write_plots(rep: Report, out_dir: Path) -> list[Path]:
    """The plots as PNG files, where the Markdown report links them."""
    private_dir(out_dir)
    paths = []
    for name, data in rep.plots.items():
        paths.append(write_output(out_dir / name, data))
    return paths


def write_html(rep: Report, out_dir: Path) -> Path:
    private_dir(out_dir)
    return write_text_output(out_dir / "report.html", render_html(rep))


def write_markdown(rep: Report, out_dir: Path) -> Path:
    private_dir(out_dir)
    return write_text_output(out_dir / "report.md", render_markdown(rep))


def render_html(rep: Report) -> str:
    """The report as one self-contained HTML page (plots embedded)."""
    s = rep.sample
    parts = [
        "<!doctype html><html lang='ko'><head><meta charset='utf-8'>",
        f"<title>{_e(rep.title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{_e(rep.title)}</h1>",
        f"<p class='muted'>{rep.documents} documents · people appear only under pseudonyms.</p>",
        f"<p class='counted'>{_e(counted_line(rep))}</p>",
        "<h2>Sample</h2>",
        f"<p>{s.participants} participants; {_e(age_summary(s))}; {_e(left_summary(s))}.</p>",
    ]
    if s.genders:
        parts.append("<p>" + _e(", ".join(f"{k}: {v}" for k, v in s.genders.items())) + "</p>")
    if s.provinces:
        parts.append(
            "<p>From: " + _e(", ".join(f"{k} ({v})" for k, v in s.provinces.items())) + "</p>"
        )
    if s.descriptors:
        parts.append(
            "<ul>" + "".join(f"<li>{_e(d)}</li>" for d in s.descriptors.values()) + "</ul>"
        )
    parts.append("<h2>Codebook</h2>")
    if rep.core:
        parts.append(f"<p>Core category: <span class='core'>{_e(rep.core.path)}</span></p>")
    parts.append("<table><tr><th>code</th><th>definition</th><th>include / exclude</th></tr>")
    for c in rep.codebook:
        swatch = f"<span class='swatch' style='background:{c.colour}'></span>" if c.colour else ""
        name = "&nbsp;&nbsp;&nbsp;" * c.depth + swatch + _e(c.name)
        crit = " / ".join(_e(x) for x in (c.inclusion, c.exclusion) if x)
        parts.append(f"<tr><td>{name}</td><td>{_e(c.definition)}</td><td>{crit}</td></tr>")
    parts.append("</table>")
    if rep.links:
        parts.append("<ul>")
        parts += [
            f"<li>{_e(k.from_code)} <b>{_e(k.relation)}</b> {_e(k.to_code)}</li>" for k in rep.links
        ]
        parts.append("</ul>")
    parts.append("<h2>Themes</h2>")
    for i, th in enumerate(rep.themes, 1):
        parts.append(f"<h3>{i}. {_e(th.code.name)}</h3>")
        if th.code.definition:
            parts.append(f"<p>{_e(th.code.definition)}</p>")
        parts.append("<table><tr><th>code</th><th>codings</th><th>participants</th></tr>")
        for c, n, people in th.codes:
            parts.append(
                f"<tr><td>{_e(c.path)}</td><td class='n'>{n}</td><td class='n'>{people}</td></tr>"
            )
        parts.append("</table>")
        for attr, table, plot in th.by_attribute:
            parts.append(f"<p><b>Participants by {_e(attr)}</b></p>{_table_html(table)}")
            parts.append(_img(rep, plot, f"{th.code.name} by {attr}"))
        for q in th.quotes:
            beside = (
                f"<br><span class='beside' lang='{_e(q.beside_lang or '')}'>"
                f"[{_e(q.beside_lang or '')}] “{_e(q.beside)}”</span>"
                if q.beside
                else ""
            )
            parts.append(
                f"<blockquote>“{_e(q.text)}”{beside}<br><span class='who'>— {_e(q.who)} "
                f"({_e(q.code)}; coded by {q.coders})</span></blockquote>"
            )
    if rep.cooccurrence is not None and rep.cooccurrence.rows:
        parts.append("<h2>Co-occurrence</h2>" + _img(rep, rep.cooccurrence_plot, "heatmap"))
    parts.append("<h2>Reliability</h2>")
    if rep.reliability is None:
        parts.append(f"<p class='muted'>{_e(rep.reliability_note)}</p>")
    else:
        r = rep.reliability
        parts.append(
            f"<p>{_e(' and '.join(r.coders))}, unit: {_e(r.unit)} ({r.units} units, "
            f"{r.uncoded_units} coded by nobody). † = uncoded units left out.</p>"
        )
        parts.append(
            "<table><tr><th>code</th><th>agreement</th><th>κ</th><th>α</th>"
            "<th>agreement †</th><th>κ †</th><th>α †</th></tr>"
        )
        for label, row in _agreement_rows(rep):
            parts.append(
                f"<tr><td>{_e(label)}</td>"
                + "".join(f"<td class='n'>{x}</td>" for x in _agreement_cells(row))
                + "</tr>"
            )
        parts.append("</table>")
    if rep.memos:
        parts.append("<h2>Memos</h2>")
        for m in rep.memos:
            parts.append(
                f"<h4>{_e(m.title or '(untitled)')} <span class='muted'>— {_e(m.author or '?')}, "
                f"{_e(m.created_at[:10])}, on {_e(m.target_kind)} {_e(m.target or '')}</span></h4>"
                f"<p>{_e(m.text)}</p>"
            )
    parts.append("</body></html>")
    return "\n".join(parts)


def render_markdown(rep: Report) -> str:
    """The report as Markdown; its plots are linked as files beside it (`write_plots`)."""
    s = rep.sample
    lines = [
        f"# {rep.title}",
        "",
        f"{rep.documents} documents · people appear only under pseudonyms.",
        "",
        counted_line(rep),
        "",
        "## Sample",
        "",
        f"{s.participants} participants; {age_summary(s)}; {left_summary(s)}.",
    ]
    if s.genders:
        lines += ["", ", ".join(f"{k}: {v}" for k, v in s.genders.items())]
    lines += ["", *(f"- {d}" for d in s.descriptors.values()), "", "## Codebook", ""]
    if rep.core:
        lines += [f"Core category: **{rep.core.path}**", ""]
    for c in rep.codebook:
        definition = f" — {c.definition}" if c.definition else ""
        lines.append(f"{'  ' * c.depth}- **{c.name}**{definition}")
    if rep.links:
        lines += ["", *(f"- {k.from_code} *{k.relation}* {k.to_code}" for k in rep.links)]
    lines += ["", "## Themes"]
    for i, th in enumerate(rep.themes, 1):
        lines += ["", f"### {i}. {th.code.name}", ""]
        if th.code.definition:
            lines += [th.code.definition, ""]
        lines += ["| code | codings | participants |", "|---|---:|---:|"]
        lines += [f"| {c.path} | {n} | {people} |" for c, n, people in th.codes]
        for attr, table, plot in th.by_attribute:
            lines += ["", f"Participants by {attr}:", "", *_table_md(table)]
            if plot:
                lines += ["", f"![{th.code.name} by {attr}]({plot})"]
        for q in th.quotes:
            lines += ["", f"> “{_md(q.text)}”"]
            if q.beside:
                lines += [">", f"> [{q.beside_lang}] “{_md(q.beside)}”"]
            lines += [f"> — {q.who} ({q.code}; coded by {q.coders})"]
    if rep.cooccurrence_plot:
        lines += ["", "## Co-occurrence", "", f"![co-occurrence]({rep.cooccurrence_plot})"]
    lines += ["", "## Reliability", ""]
    if rep.reliability is None:
        lines.append(rep.reliability_note)
    else:
        r = rep.reliability
        lines += [
            f"{' and '.join(r.coders)}, unit: {r.unit} ({r.units} units, {r.uncoded_units} coded "
            "by nobody). † = uncoded units left out.",
            "",
            "| code | agreement | κ | α | agreement † | κ † | α † |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for label, row in _agreement_rows(rep):
            lines.append(f"| {label} | " + " | ".join(_agreement_cells(row)) + " |")
    if rep.memos:
        lines += ["", "## Memos"]
        for m in rep.memos:
            lines += [
                "",
                f"**{m.title or '(untitled)'}** — {m.author or '?'}, {m.created_at[:10]}, "
                f"on {m.target_kind} {m.target or ''}",
                "",
                _md(m.text),
            ]
    return "\n".join(lines) + "\n"
