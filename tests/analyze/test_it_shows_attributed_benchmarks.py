from __future__ import annotations

from opennps.stats import benchmarks_for, industries

from .helpers import run, run_json


def test_every_benchmark_comes_with_its_source_and_year(sample):
    data = run_json(sample, "--benchmark", "banks")

    assert len(data["benchmarks"]) == len(benchmarks_for("banks"))
    for row, benchmark in zip(data["benchmarks"], benchmarks_for("banks"), strict=True):
        assert row["nps"] == benchmark.nps
        assert row["source"] == benchmark.source and row["source"]
        assert row["year"] == benchmark.year


def test_the_table_names_each_source(sample):
    result = run(sample, "--benchmark", "Telecom")

    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    for benchmark in benchmarks_for("telecom"):
        assert benchmark.source.split()[0] in text


def test_an_unknown_industry_lists_the_known_ones(sample):
    result = run(sample, "--benchmark", "spaceflight")

    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "unknown industry 'spaceflight'" in result.stderr
    assert all(industry in result.stderr for industry in industries())
