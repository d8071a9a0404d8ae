from __future__ import annotations

import pytest

from opennps.analyze.reading import sniff_separator

from .helpers import expected, run_json


@pytest.mark.parametrize("separator", [",", ";", "\t", "|"])
def test_it_finds_the_separator(tmp_path, separator):
    rows = [
        ["id", "score", "comment"],
        ["1", "9", "good"],
        ["2", "3", '"slow, late"'],
        ["3", "7", ""],
    ]
    path = tmp_path / "answers.csv"
    path.write_text("\n".join(separator.join(row) for row in rows) + "\n", encoding="utf-8")

    assert run_json(path)["headline"] == expected([9, 3, 7])


def test_a_quoted_comma_does_not_fool_a_semicolon_file():
    sample = 'score;comment\n9;"good, fast"\n3;"slow, late, rude"\n'
    assert sniff_separator(sample, default=",") == ";"


def test_a_single_column_file_keeps_the_default():
    assert sniff_separator("score\n9\n10\n", default=",") == ","


def test_a_byte_order_mark_and_stray_latin1_bytes_are_tolerated(tmp_path):
    path = tmp_path / "export.csv"
    body = "score;region;comment\n9;Île-de-France;très bien\n6;Bretagne;trop cher\n"
    path.write_bytes(
        b"\xef\xbb\xbf" + body.encode("utf-8") + "3;Gen\xe8ve;d\xe9\xe7u\n".encode("latin-1")
    )

    data = run_json(path, "--segment", "region")

    assert data["score_column"] == "score"
    assert data["headline"] == expected([9, 6, 3])
    assert {row["value"] for row in data["segments"]["region"]} == {
        "Île-de-France",
        "Bretagne",
        "Gen\ufffdve",
    }
    assert any("not valid UTF-8" in note for note in data["notes"])
