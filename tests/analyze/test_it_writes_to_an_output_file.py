from __future__ import annotations

import json

import pytest

from .helpers import run


@pytest.mark.parametrize("output_format", ["table", "json", "markdown", "html"])
def test_output_goes_to_the_file_not_stdout(sample, tmp_path, output_format):
    target = tmp_path / f"report.{output_format}"

    result = run(sample, "--format", output_format, "--output", target)

    assert result.exit_code == 0
    assert result.stdout == ""
    text = target.read_text(encoding="utf-8")
    if output_format == "json":
        assert json.loads(text)["headline"]["n"] > 0
    else:
        assert "NPS 25.0" in text
