from __future__ import annotations

import re

from .helpers import run, write

HOSTILE = "<script>alert(1)</script>"


def html_for(tmp_path, *options: str) -> str:
    rows = [
        ["2025-01-10", 9, HOSTILE],
        ["2025-01-11", 3, "north & south"],
        ["2025-02-10", 10, HOSTILE],
        ["2025-03-10", 7, "east"],
        ["2025-03-12", 6, "east"],
    ]
    path = write(tmp_path, "csv", ["date", "score", "region"], rows)
    output = tmp_path / "report.html"
    result = run(path, "--format", "html", "--output", output, *options)
    assert result.exit_code == 0, result.stderr
    return output.read_text(encoding="utf-8")


def test_it_is_one_file_with_no_scripts_or_outside_resources(tmp_path):
    html = html_for(tmp_path, "--by", "month", "--segment", "region")

    assert html.startswith("<!DOCTYPE html>")
    assert "<script" not in html
    assert not re.search(r"https?://", html)
    assert "<link" not in html and "@import" not in html and "url(" not in html
    assert "<style>" in html


def test_its_charts_have_text_alternatives(tmp_path):
    html = html_for(tmp_path, "--by", "month")

    assert html.count("<svg") == 2
    for svg in re.findall(r"<svg.*?</svg>", html, flags=re.S):
        assert 'role="img"' in svg
        assert "aria-labelledby=" in svg
        assert re.search(r"<title[^>]*>[^<]+</title>", svg)
        assert re.search(r"<desc[^>]*>[^<]+</desc>", svg)
    assert re.search(r"<title>[^<]+</title>", html.split("<body>")[0])
    assert '<html lang="en">' in html
    assert "#D55E00" in html and "#0072B2" in html  # Okabe-Ito vermillion and blue


def test_it_escapes_text_from_the_file(tmp_path):
    html = html_for(tmp_path, "--segment", "region")

    assert HOSTILE not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "north &amp; south" in html
