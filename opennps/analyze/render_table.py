"""The report for a terminal, with rich; stays readable down to about 60 columns."""

from __future__ import annotations

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from opennps.analyze import formatting as fmt
from opennps.analyze.drivers import drivers_caption, drivers_headers, drivers_rows, drivers_title
from opennps.analyze.i18n import _
from opennps.analyze.report import AnalysisReport, SegmentRow, TrendPoint

SCORE_STYLE = {"detractor": "red", "passive": "yellow", "promoter": "green"}
SEGMENT_ROWS_SHOWN = 25
BAR = "█"


def render_table(report: AnalysisReport, console: Console) -> None:
    """Print the report on ``console`` (its width decides how wide bars and tables get)."""
    for part in _sections(report, console.width):
        console.print(part)
        console.print()


def _sections(report: AnalysisReport, width: int) -> list[RenderableType]:
    sections: list[RenderableType] = [_headline(report), _distribution(report, width)]
    if report.trend is not None:
        sections.append(_trend(report))
    if report.compare_last:
        sections.append(Text(_("Last period: ") + fmt.comparison_sentence(report)))
    for column, rows in report.segments.items():
        sections.append(_segments(report, column, rows))
    if report.benchmarks is not None:
        sections.append(_benchmarks(report))
    if report.drivers is not None:
        sections.append(_drivers(report))
    notes = [*fmt.data_quality_lines(report), *report.notes]
    if fmt.has_low_sample(report):
        notes.append(fmt.low_sample_footnote())
    sections.append(Group(*(Text("· " + note, style="dim") for note in notes)))
    return sections


def _headline(report: AnalysisReport) -> RenderableType:
    summary = report.headline
    heading = Text(fmt.title(report), style="bold")
    figure = Text()
    figure.append(f"NPS {fmt.nps(summary.nps)}", style="bold")
    figure.append(
        f"  {fmt.confidence_label(summary.confidence)} {fmt.interval(summary)}"
        f"  n = {fmt.count(summary.n)}"
    )
    parts: list[RenderableType] = [heading, figure]
    if summary.low_sample:
        parts.append(Text(fmt.low_sample_warning(), style="bold yellow"))
    classes = Table(box=None, show_header=False, padding=(0, 2, 0, 0))
    classes.add_column()
    classes.add_column(justify="right")
    classes.add_column(justify="right")
    for label, number, percent in fmt.class_lines(report.histogram, report.scale.lowest):
        classes.add_row(label, number, percent)
    parts += [classes, Text(fmt.method_sentence(report), style="dim")]
    return Group(*parts)


def _distribution(report: AnalysisReport, width: int) -> RenderableType:
    counts = report.histogram.counts
    n = report.histogram.n
    largest = max(counts) or 1
    label_width = max(len(fmt.count(value)) for value in counts)
    bar_room = max(8, width - label_width - 16)
    lines = [Text(_("Distribution of scores"), style="bold")]
    for score, value in enumerate(counts):
        if score < report.scale.lowest and value == 0:
            continue
        style = SCORE_STYLE["promoter" if score >= 9 else "passive" if score >= 7 else "detractor"]
        line = Text(f"{score:>2} ")
        line.append(BAR * round(bar_room * value / largest), style=style)
        line.append(f" {fmt.count(value)} ({fmt.share(value, n)})")
        lines.append(line)
    return Group(*lines)


def _trend(report: AnalysisReport) -> RenderableType:
    table = _table(
        _("Trend by {period}").format(period=report.by),
        [_("Period"), "n", "NPS", fmt.confidence_label(report.confidence)],
    )
    points: list[TrendPoint] = report.trend or []
    for point in points:
        summary = point.summary
        table.add_row(
            point.period,
            fmt.count(summary.n),
            fmt.nps(summary.nps) + fmt.low_sample_mark(summary),
            fmt.interval(summary),
        )
    if not points:
        table.add_row(_("no dated answers"), "0", fmt.DASH, fmt.DASH)
    return table


def _segments(report: AnalysisReport, column: str, rows: list[SegmentRow]) -> RenderableType:
    table = _table(
        _("By {column}").format(column=column),
        [_("Value"), "n", "NPS", fmt.confidence_label(report.confidence), _("vs rest"), "p"],
    )
    for row in rows[:SEGMENT_ROWS_SHOWN]:
        summary = row.summary
        table.add_row(
            Text(fmt.segment_value(row.value)),
            fmt.count(summary.n),
            fmt.nps(summary.nps) + fmt.low_sample_mark(summary),
            fmt.interval(summary),
            fmt.signed(row.comparison.difference),
            fmt.p_value(row.comparison.p_value) + ("!" if row.comparison.significant else ""),
        )
    hidden = len(rows) - SEGMENT_ROWS_SHOWN
    if hidden > 0:
        table.caption = _("{count} smaller values not shown; see --format json.").format(
            count=hidden
        )
    else:
        table.caption = _("! significant difference from the rest")
    return table


def _benchmarks(report: AnalysisReport) -> RenderableType:
    table = _table(
        _("Benchmarks for {industry} (your NPS {nps})").format(
            industry=report.industry, nps=fmt.nps(report.headline.nps)
        ),
        [_("Figure"), "NPS", _("Source"), _("Year")],
    )
    for benchmark in report.benchmarks or []:
        table.add_row(
            Text(fmt.benchmark_subject(benchmark)),
            fmt.nps(benchmark.nps),
            Text(f"{benchmark.source} ({benchmark.region})"),
            str(benchmark.year) if benchmark.year is not None else _("not given"),
        )
    table.caption = _("Published figures use other methods and panels; compare with care.")
    return table


def _drivers(report: AnalysisReport) -> RenderableType:
    assert report.drivers is not None
    table = _table(drivers_title(report.drivers), drivers_headers(report.confidence))
    for row in drivers_rows(report.drivers):
        table.add_row(Text(row[0]), *row[1:])
    table.caption = drivers_caption(report.drivers)
    return table


def _table(title: str, headers: list[str]) -> Table:
    table = Table(
        title=Text(title, style="bold"),
        title_justify="left",
        caption_justify="left",
        box=box.SIMPLE_HEAD,
        padding=(0, 1),
        pad_edge=False,
    )
    for index, header in enumerate(headers):
        table.add_column(header, justify="left" if index == 0 else "right", overflow="fold")
    return table
