"""The team's accent colour on the survey page, with text colours that stay readable (WCAG AA)."""

from __future__ import annotations

import re
from dataclasses import dataclass

DEFAULT_ACCENT = "#0b5cad"
INK = "#1b1f24"
WHITE = "#ffffff"
BLACK = "#000000"
HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
# WCAG 2.x AA: 4.5:1 for normal text.
TEXT_CONTRAST = 4.5


def relative_luminance(colour: str) -> float:
    """WCAG relative luminance of a #rrggbb colour (0 black … 1 white)."""
    channels = [int(colour[index : index + 2], 16) / 255 for index in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@dataclass(frozen=True)
class Theme:
    accent: str  # backgrounds of chosen buttons and the send button
    on_accent: str  # text on the accent: black or white, whichever contrasts more
    accent_ink: str  # the accent where it is text or an outline on white, if readable there


def theme_for(colour: str) -> Theme:
    """Colours for the page; anything but #rrggbb falls back to the default accent."""
    accent = (
        colour.lower() if isinstance(colour, str) and HEX_COLOUR.match(colour) else DEFAULT_ACCENT
    )
    on_accent = WHITE if contrast_ratio(accent, WHITE) >= contrast_ratio(accent, BLACK) else BLACK
    accent_ink = accent if contrast_ratio(accent, WHITE) >= TEXT_CONTRAST else INK
    return Theme(accent=accent, on_accent=on_accent, accent_ink=accent_ink)
