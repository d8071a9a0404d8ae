from __future__ import annotations

import io

from rich.console import Console

from opennps.analyze import AnalyzeOptions, analyze_file
from opennps.analyze.render_table import render_table


def test_the_full_table_report_fits_in_60_columns(sample):
    report = analyze_file(
        sample,
        AnalyzeOptions(
            by="month",
            segments=("region", "channel", "plan"),
            compare_last=True,
            benchmark="telecom",
            respondent_id="respondent_id",
        ),
    )
    console = Console(width=60, record=True, file=io.StringIO())

    render_table(report, console)

    text = console.export_text()
    assert "NPS" in text and "2025-12" in text and "Astana" in text
    assert max(len(line.rstrip()) for line in text.splitlines()) <= 60
    # Every interval is printed whole, not cut or folded across lines.
    for point in report.trend:
        assert f"{point.summary.ci_low:.1f} to {point.summary.ci_high:.1f}" in text


def test_the_default_table_shows_the_headline(sample):
    from .helpers import run

    result = run(sample)

    assert result.exit_code == 0
    assert "NPS" in result.stdout
    assert "Promoters (9-10)" in result.stdout
