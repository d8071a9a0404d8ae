from __future__ import annotations

import csv
import importlib.util
import io
import random

from .helpers import REPO, run, run_json


def load_generator():
    spec = importlib.util.spec_from_file_location(
        "make_sample", REPO / "scripts" / "make_sample.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_sample_file_is_what_the_script_generates(sample):
    generator = load_generator()
    rows = generator.responses(random.Random(generator.SEED))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)

    assert sample.read_text(encoding="utf-8") == buffer.getvalue()
    assert sample.stat().st_size < 300_000


def test_it_reads_with_the_documented_command(sample):
    result = run(sample, "--by", "month", "--segment", "region")

    assert result.exit_code == 0, result.stderr
    assert "Astana" in result.stdout


def test_astana_dips_in_summer_and_recovers(sample):
    data = run_json(sample, "--by", "quarter", "--segment", "region", "--segment", "channel")

    regions = {row["value"]: row for row in data["segments"]["region"]}
    assert regions["Astana"]["significant"] and regions["Astana"]["difference_from_rest"] < 0
    channels = {row["value"]: row["nps"] for row in data["segments"]["channel"]}
    assert channels["web"] > channels["phone"]
    assert data["rows"] == 2000 and 0 < data["missing"] < 50
