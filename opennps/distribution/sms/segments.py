"""How many SMS segments a text takes (pure; no Django).

A text in the GSM 03.38 alphabet is sent in GSM-7: 160 characters in one segment, 153 per segment
when split (the rest of each part carries the header that joins them); the extension characters
(€ [ ] { } \\ ~ ^ |, form feed) take two places. Any other character — Cyrillic, Chinese, most
emoji — switches the whole message to UCS-2: 70 UTF-16 units in one segment, 67 when split, and a
character outside the Basic Multilingual Plane (most emoji) takes two units.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import ceil

GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION = frozenset("\f^{}\\[~]|€")

GSM7_SINGLE, GSM7_PART = 160, 153
UCS2_SINGLE, UCS2_PART = 70, 67


@dataclass(frozen=True)
class SmsLength:
    encoding: str  # "GSM-7" or "UCS-2"
    units: int  # septets for GSM-7, UTF-16 code units for UCS-2
    segments: int

    @property
    def fits_one_segment(self) -> bool:
        return self.segments <= 1


def is_gsm7(text: str) -> bool:
    return all(char in GSM7_BASIC or char in GSM7_EXTENSION for char in text)


def sms_length(text: str) -> SmsLength:
    """The encoding, length in units and number of segments of `text` (an empty text is one)."""
    if is_gsm7(text):
        units = sum(2 if char in GSM7_EXTENSION else 1 for char in text)
        single, part, encoding = GSM7_SINGLE, GSM7_PART, "GSM-7"
    else:
        units = len(text.encode("utf-16-le")) // 2
        single, part, encoding = UCS2_SINGLE, UCS2_PART, "UCS-2"
    segments = 1 if units <= single else ceil(units / part)
    return SmsLength(encoding, units, segments)


def shortest_fitting(candidates: list[str]) -> str:
    """The first candidate that fits one segment (candidates go from friendliest to shortest);
    when none fits, the one with the fewest segments, the earlier on a tie."""
    if not candidates:
        raise ValueError("no candidate texts")
    for text in candidates:
        if sms_length(text).fits_one_segment:
            return text
    return min(candidates, key=lambda text: (sms_length(text).segments, candidates.index(text)))
