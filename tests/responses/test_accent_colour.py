"""The team's accent colour, with text on it that meets WCAG AA contrast whatever the colour."""

from __future__ import annotations

import pytest

from opennps.responses.views.branding import INK, contrast_ratio, theme_for
from tests.responses.helpers import html_of


@pytest.mark.parametrize(
    ("accent", "text"),
    [
        ("#0b5cad", "#ffffff"),
        ("#ffd700", "#000000"),
        ("#000000", "#ffffff"),
        ("#ffffff", "#000000"),
    ],
)
def test_text_on_the_accent_is_black_or_white_by_contrast(accent, text):
    assert theme_for(accent).on_accent == text


@pytest.mark.parametrize(
    "accent", ["#0b5cad", "#ffd700", "#ff0000", "#00ff00", "#777777", "#7f7f7f", "#e91e63"]
)
def test_text_on_any_accent_meets_wcag_aa(accent):
    theme = theme_for(accent)
    assert contrast_ratio(theme.accent, theme.on_accent) >= 4.5
    assert contrast_ratio(theme.accent_ink, "#ffffff") >= 4.5


def test_a_pale_accent_is_not_used_for_text_on_white():
    assert theme_for("#ffd700").accent_ink == INK
    assert theme_for("#0b5cad").accent_ink == "#0b5cad"


@pytest.mark.parametrize("bad", ["red", "#fff", "#12345g", "", "#0b5cad;}body{x:y", None])
def test_anything_but_a_hex_colour_falls_back_to_the_default(bad):
    assert theme_for(bad).accent == "#0b5cad"


def test_known_contrast_ratios():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_the_page_sets_the_accent_as_css_custom_properties(client, make_survey):
    survey = make_survey(accent_colour="#FFD700")
    html = html_of(client.get(f"/s/{survey.public_id}"))
    assert "--accent:#ffd700;--on-accent:#000000;--accent-ink:#1b1f24" in html
