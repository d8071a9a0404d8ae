from __future__ import annotations

from .helpers import run, write


def test_markdown_has_the_headline_and_tables(sample):
    result = run(sample, "--by", "quarter", "--segment", "channel", "--format", "markdown")

    assert result.exit_code == 0
    text = result.stdout
    assert text.startswith("# NPS of ")
    assert "| Period | n | NPS | 95% CI |" in text
    assert "| 2025-Q1 |" in text
    assert "## By channel" in text
    assert "| web |" in text


def test_markdown_escapes_text_from_the_file(tmp_path):
    rows = [["a|b", 9], ["<b>x</b>", 3], ["*star*", 7]]
    path = write(tmp_path, "csv", ["region", "score"], rows)

    text = run(path, "--segment", "region", "--format", "markdown").stdout

    assert "| a\\|b |" in text
    assert "\\<b\\>x\\</b\\>" in text
    assert "\\*star\\*" in text
