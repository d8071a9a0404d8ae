"""The report as GitHub-flavoured Markdown (for issues, wikis and notebooks)."""

from __future__ import annotations

from opennps.analyze import formatting as fmt
from opennps.analyze.drivers import drivers_caption, drivers_headers, drivers_rows, drivers_title
from opennps.analyze.i18n import _
from opennps.analyze.report import AnalysisReport
from opennps.stats import Summary


def render_markdown(report: AnalysisReport) -> str:
    lines = [f"# {_escape(fmt.title(report))}", "", f"**{fmt.headline_sentence(report)}**", ""]
    lines += _table(
        [_("Class"), _("Answers"), _("Share")],
        [list(row) for row in fmt.class_lines(report.histogram, report.scale.lowest)],
    )
    lines += ["", _escape(fmt.method_sentence(report)), "", f"## {_('Distribution of scores')}", ""]
    n = report.histogram.n
    lines += _table(
        [_("Score"), _("Answers"), _("Share")],
        [
            [str(score), fmt.count(value), fmt.share(value, n)]
            for score, value in enumerate(report.histogram.counts)
            if score >= report.scale.lowest or value
        ],
    )
    if report.trend is not None:
        lines += ["", f"## {_('Trend by {period}').format(period=report.by)}", ""]
        lines += _table(
            [_("Period"), "n", "NPS", fmt.confidence_label(report.confidence)],
            [
                [
                    point.period,
                    fmt.count(point.summary.n),
                    fmt.nps(point.summary.nps) + _mark(point.summary),
                    fmt.interval(point.summary),
                ]
                for point in report.trend
            ],
        )
    if report.compare_last:
        # Outside the f-string so that makemessages extracts it.
        label = _("Last period")
        lines += ["", f"**{label}:** {_escape(fmt.comparison_sentence(report))}"]
    for column, rows in report.segments.items():
        lines += ["", f"## {_escape(_('By {column}').format(column=column))}", ""]
        lines += _table(
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
                    _escape(fmt.segment_value(row.value)),
                    fmt.count(row.summary.n),
                    fmt.nps(row.summary.nps) + _mark(row.summary),
                    fmt.interval(row.summary),
                    fmt.signed(row.comparison.difference),
                    fmt.p_value(row.comparison.p_value),
                    fmt.significance(row.comparison),
                ]
                for row in rows
            ],
        )
    if report.benchmarks is not None:
        lines += [
            "",
            "## "
            + _escape(
                _("Benchmarks for {industry} (your NPS {nps})").format(
                    industry=report.industry, nps=fmt.nps(report.headline.nps)
                )
            ),
            "",
        ]
        lines += _table(
            [_("Figure"), "NPS", _("Source"), _("Year"), _("Region")],
            [
                [
                    _escape(fmt.benchmark_subject(benchmark)),
                    fmt.nps(benchmark.nps),
                    _escape(benchmark.source),
                    str(benchmark.year) if benchmark.year is not None else _("not given"),
                    _escape(benchmark.region),
                ]
                for benchmark in report.benchmarks
            ],
        )
    if report.drivers is not None:
        lines += ["", f"## {_escape(drivers_title(report.drivers))}", ""]
        lines += _table(
            drivers_headers(report.confidence),
            [[_escape(row[0]), *row[1:]] for row in drivers_rows(report.drivers)],
        )
        lines += ["", _escape(drivers_caption(report.drivers))]
    notes = [*fmt.data_quality_lines(report), *report.notes]
    if fmt.has_low_sample(report):
        notes.append(fmt.low_sample_footnote())
    lines += ["", f"## {_('Notes')}", "", *(f"- {_escape(note)}" for note in notes)]
    return "\n".join(lines) + "\n"


def _mark(summary: Summary) -> str:
    mark = fmt.low_sample_mark(summary)
    return "\\" + mark if mark else ""


def _table(headers: list[str], rows: list[list[str]]) -> list[str]:
    align = ["---"] + ["---:"] * (len(headers) - 1)
    return [
        "| " + " | ".join(headers) + " |",
        "| " + " | ".join(align) + " |",
        *("| " + " | ".join(cell for cell in row) + " |" for row in rows),
    ]


def _escape(text: str) -> str:
    """Keep user text (file and column names, segment values) from becoming Markdown or HTML."""
    for character in "\\`*_[]<>|#":
        text = text.replace(character, "\\" + character)
    return text.replace("\n", " ")
