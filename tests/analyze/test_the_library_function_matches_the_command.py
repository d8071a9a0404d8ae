from __future__ import annotations

import pytest

from opennps.analyze import AnalyzeError, AnalyzeOptions, InvalidValuesError, analyze_file
from opennps.analyze.render_json import report_to_dict

from .helpers import run_json, write


def test_analyze_file_returns_the_report_the_command_prints(sample):
    report = analyze_file(sample, AnalyzeOptions(by="month", segments=("region",)))

    assert report_to_dict(report) == run_json(sample, "--by", "month", "--segment", "region")
    assert report.headline.n == report.histogram.n
    assert len(report.trend) == 12


def test_analyze_file_raises_one_sentence_errors(tmp_path):
    path = write(tmp_path, "csv", ["score"], [[9], ["x"]])

    with pytest.raises(InvalidValuesError) as caught:
        analyze_file(path)

    assert caught.value.count == 1
    assert caught.value.first_rows == [3]
    with pytest.raises(AnalyzeError, match="method must be one of"):
        analyze_file(path, AnalyzeOptions(method="magic"))


@pytest.mark.parametrize("method", ["adjusted-wald", "wald", "bayesian"])
def test_the_interval_method_and_confidence_are_passed_through(sample, method):
    data = run_json(sample, "--method", method, "--confidence", "0.9")

    assert data["headline"]["method"] == method
    assert data["headline"]["confidence"] == 0.9
