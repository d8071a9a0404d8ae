from __future__ import annotations

from .helpers import HEADLINE_KEYS, run_json


def test_json_sections_have_exactly_the_documented_keys(sample):
    data = run_json(
        sample, "--by", "month", "--segment", "region", "--compare-last", "--benchmark", "telecom"
    )

    assert set(data) == {
        "schema_version",
        "file",
        "format",
        "score_column",
        "scale",
        "rows",
        "missing",
        "headline",
        "distribution",
        "date_column",
        "undated",
        "by",
        "trend",
        "comparison",
        "segments",
        "benchmarks",
        "notes",
    }
    assert set(data["headline"]) == HEADLINE_KEYS
    assert all(set(row) == HEADLINE_KEYS | {"period"} for row in data["trend"])
    segment_keys = HEADLINE_KEYS | {"value", "difference_from_rest", "p_value", "significant"}
    assert all(set(row) == segment_keys for row in data["segments"]["region"])
    assert set(data["comparison"]) == {
        "previous",
        "latest",
        "n_previous",
        "n_latest",
        "difference",
        "ci_low",
        "ci_high",
        "z",
        "p_value",
        "confidence",
        "significant",
        "verdict",
    }
    assert all(
        set(row) == {"industry", "label", "nps", "subject", "source", "year", "region", "note"}
        for row in data["benchmarks"]
    )
    assert len(data["distribution"]) == 11


def test_optional_sections_are_absent_unless_asked_for(sample):
    data = run_json(sample)

    for key in ("trend", "segments", "comparison", "benchmarks", "invalid", "skipped_duplicates"):
        assert key not in data
