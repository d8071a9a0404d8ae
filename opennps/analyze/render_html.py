"""The report as one self-contained HTML file: inline CSS and SVG, no scripts, no links out.

All text that comes from the file (its name, column names, segment values) is escaped.
"""

from __future__ import annotations

from html import escape

from opennps.analyze import formatting as fmt
from opennps.analyze.charts import distribution_chart, trend_chart
from opennps.analyze.drivers import drivers_caption, drivers_headers, drivers_rows, drivers_title
from opennps.analyze.i18n import _
from opennps.analyze.report import AnalysisReport

STYLE = """
:root { color-scheme: light; --ink: #222; --muted: #555; --line: #ccc; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
       color: var(--ink); margin: 0; background: #fff; }
main { max-width: 52rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.5rem; word-break: break-all; }
h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid var(--line); }
.headline { font-size: 1.25rem; }
.nps { font-size: 2rem; font-weight: 700; }
.warning { color: #8a4b00; font-weight: 600; }
.muted { color: var(--muted); }
table { border-collapse: collapse; margin: .75rem 0; font-variant-numeric: tabular-nums; }
th, td { padding: .25rem .6rem; border-bottom: 1px solid var(--line); text-align: right; }
th:first-child, td:first-child { text-align: left; }
caption { text-align: left; color: var(--muted); caption-side: bottom; padding-top: .25rem; }
.swatch { display: inline-block; width: .8em; height: .8em; margin-right: .3em;
          vertical-align: baseline; }
svg { max-width: 40rem; height: auto; display: block; }
details { margin: .5rem 0; }
"""


def render_html(report: AnalysisReport) -> str:
    body = [
        f"<h1>{escape(fmt.title(report))}</h1>",
        _headline(report),
        _distribution(report),
    ]
    if report.trend is not None:
        body.append(_trend(report))
    for column, rows in report.segments.items():
        body.append(
            _section(
                _("By {column}").format(column=column),
                _table(
                    [
                        _("Value"),
                        "n",
                        "NPS",
                        fmt.confidence_label(report.confidence),
                        _("Difference from rest"),
                        "p",
                        _("Significant"),
                    ],
                    [
                        [
                            fmt.segment_value(row.value),
                            fmt.count(row.summary.n),
                            fmt.nps(row.summary.nps) + fmt.low_sample_mark(row.summary),
                            fmt.interval(row.summary),
                            fmt.signed(row.comparison.difference),
                            fmt.p_value(row.comparison.p_value),
                            fmt.significance(row.comparison),
                        ]
                        for row in rows
                    ],
                    caption=_("Each value is compared with all other answers."),
                ),
            )
        )
    if report.benchmarks is not None:
        body.append(_benchmarks(report))
    if report.drivers is not None:
        body.append(
            _section(
                drivers_title(report.drivers),
                _table(
                    drivers_headers(report.confidence),
                    drivers_rows(report.drivers),
                    caption=drivers_caption(report.drivers),
                ),
            )
        )
    notes = [*fmt.data_quality_lines(report), *report.notes]
    if fmt.has_low_sample(report):
        notes.append(fmt.low_sample_footnote())
    body.append(
        _section(_("Notes"), "<ul>" + "".join(f"<li>{escape(n)}</li>" for n in notes) + "</ul>")
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(fmt.title(report))}</title>\n<style>{STYLE}</style>\n</head>\n"
        "<body>\n<main>\n" + "\n".join(body) + "\n</main>\n</body>\n</html>\n"
    )


def _headline(report: AnalysisReport) -> str:
    summary = report.headline
    parts = [
        '<p class="headline"><span class="nps">NPS '
        f"{fmt.nps(summary.nps)}</span> ({escape(fmt.confidence_label(summary.confidence))} "
        f"{escape(fmt.interval(summary))}), n = {fmt.count(summary.n)}</p>"
    ]
    if summary.low_sample:
        parts.append(f'<p class="warning">{escape(fmt.low_sample_warning())}</p>')
    colours = ["#0072B2", "#E69F00", "#D55E00"]
    rows = [
        [f'<span class="swatch" style="background:{colour}"></span>{escape(label)}', number, pct]
        for colour, (label, number, pct) in zip(
            colours, fmt.class_lines(report.histogram, report.scale.lowest), strict=True
        )
    ]
    parts.append(_table([_("Class"), _("Answers"), _("Share")], rows, raw_first=True))
    parts.append(f'<p class="muted">{escape(fmt.method_sentence(report))}</p>')
    return "\n".join(parts)


def _distribution(report: AnalysisReport) -> str:
    histogram = report.histogram
    lowest = report.scale.lowest
    table = _table(
        [_("Score"), _("Answers"), _("Share")],
        [
            [str(score), fmt.count(value), fmt.share(value, histogram.n)]
            for score, value in enumerate(histogram.counts)
            if score >= lowest or value
        ],
    )
    return _section(
        _("Distribution of scores"),
        distribution_chart(histogram, lowest)
        + f"\n<details><summary>{escape(_('Table'))}</summary>{table}</details>",
    )


def _trend(report: AnalysisReport) -> str:
    points = report.trend or []
    table = _table(
        [_("Period"), "n", "NPS", fmt.confidence_label(report.confidence)],
        [
            [
                point.period,
                fmt.count(point.summary.n),
                fmt.nps(point.summary.nps) + fmt.low_sample_mark(point.summary),
                fmt.interval(point.summary),
            ]
            for point in points
        ],
    )
    content = (trend_chart(points, report.by or "") + "\n" if points else "") + table
    if report.compare_last:
        content += f"<p><strong>{escape(_('Last period'))}:</strong> "
        content += f"{escape(fmt.comparison_sentence(report))}</p>"
    return _section(_("Trend by {period}").format(period=report.by), content)


def _benchmarks(report: AnalysisReport) -> str:
    rows = [
        [
            fmt.benchmark_subject(benchmark),
            fmt.nps(benchmark.nps),
            benchmark.source,
            str(benchmark.year) if benchmark.year is not None else _("not given"),
            benchmark.region,
        ]
        for benchmark in report.benchmarks or []
    ]
    return _section(
        _("Benchmarks for {industry} (your NPS {nps})").format(
            industry=report.industry, nps=fmt.nps(report.headline.nps)
        ),
        _table(
            [_("Figure"), "NPS", _("Source"), _("Year"), _("Region")],
            rows,
            caption=_("Published figures use other methods and panels; compare with care."),
        ),
    )


def _section(title: str, content: str) -> str:
    return f"<section>\n<h2>{escape(title)}</h2>\n{content}\n</section>"


def _table(
    headers: list[str],
    rows: list[list[str]],
    *,
    caption: str | None = None,
    raw_first: bool = False,
) -> str:
    head = "".join(f'<th scope="col">{escape(header)}</th>' for header in headers)
    body = []
    for row in rows:
        first = row[0] if raw_first else escape(row[0])
        cells = "".join(f"<td>{escape(cell)}</td>" for cell in row[1:])
        body.append(f'<tr><th scope="row">{first}</th>{cells}</tr>')
    caption_html = f"<caption>{escape(caption)}</caption>" if caption else ""
    return (
        f"<table>{caption_html}<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    )
