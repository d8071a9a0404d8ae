"""Check that an answer is a real score on the scale, and say which NPS class it falls in."""

from __future__ import annotations

import math
import numbers
from decimal import Decimal
from enum import StrEnum

import numpy as np

HIGHEST_SCORE = 10
LOWEST_PASSIVE_SCORE = 7
LOWEST_PROMOTER_SCORE = 9

# Long or odd values are cut in error messages so one bad cell cannot flood a log line.
_LONGEST_SHOWN_VALUE = 40


class Scale(StrEnum):
    """The answer scale a survey used. NPS is defined on 0-10; some tools ask 1-10."""

    ZERO_TO_TEN = "0-10"
    ONE_TO_TEN = "1-10"

    @property
    def lowest(self) -> int:
        """The smallest score a respondent could give on this scale."""
        return 0 if self is Scale.ZERO_TO_TEN else 1

    @property
    def highest(self) -> int:
        """The largest score a respondent could give on this scale (always 10)."""
        return HIGHEST_SCORE

    @classmethod
    def parse(cls, text: str | Scale) -> Scale:
        """Return the scale written as "0-10" or "1-10" (spaces and en dashes tolerated).

        Raises ValueError naming the accepted spellings for anything else.
        """
        if isinstance(text, Scale):
            return text
        if isinstance(text, str):
            normalised = "".join(text.split()).replace("\u2013", "-").replace("\u2014", "-")
            for scale in cls:
                if normalised == scale.value:
                    return scale
        accepted = " or ".join(repr(scale.value) for scale in cls)
        raise ValueError(f"unknown score scale {text!r}; use {accepted}")


class NPSClass(StrEnum):
    """The three groups NPS sorts respondents into."""

    PROMOTER = "promoter"
    PASSIVE = "passive"
    DETRACTOR = "detractor"


class InvalidScoreError(ValueError):
    """A value that cannot be counted as a score.

    `value` is the offending input, `position` its index when it came from a sequence.
    """

    def __init__(
        self,
        value: object,
        problem: str,
        *,
        scale: Scale = Scale.ZERO_TO_TEN,
        position: int | None = None,
    ) -> None:
        self.value = value
        self.problem = problem
        self.scale = scale
        self.position = position
        subject = "score" if value is None else f"score {_show(value)}"
        if position is not None:
            subject += f" at position {position}"
        advice = f"give a whole number from {scale.lowest} to {scale.highest}"
        super().__init__(f"{subject} {problem}; {advice}")

    def at_position(self, position: int) -> InvalidScoreError:
        """The same error, saying where in the input the bad score was."""
        return InvalidScoreError(self.value, self.problem, scale=self.scale, position=position)


def validate_score(score: object, scale: Scale = Scale.ZERO_TO_TEN) -> int:
    """Return `score` as an int if it is a whole number on `scale`, else raise InvalidScoreError.

    Accepted: int and NumPy integers; floats and Decimals holding a whole number (9.0 from a
    spreadsheet column is 9). Rejected: bool, str, None, NaN, infinity, fractions such as 7.5,
    anything outside the scale (0 is outside 1-10), and every other type.
    """
    scale = Scale.parse(scale)
    whole = _as_whole_number(score, scale)
    if not scale.lowest <= whole <= scale.highest:
        raise InvalidScoreError(score, f"is outside the {scale} scale", scale=scale)
    return whole


def classify(score: object, scale: Scale = Scale.ZERO_TO_TEN) -> NPSClass:
    """Return the class of a valid score: 9-10 promoter, 7-8 passive, everything lower detractor.

    The thresholds are the same on both scales. Raises InvalidScoreError like `validate_score`.
    """
    return class_of_whole_score(validate_score(score, scale))


def class_of_whole_score(score: int) -> NPSClass:
    """Class of a score already known to be a whole number from 0 to 10 (no checking)."""
    if score >= LOWEST_PROMOTER_SCORE:
        return NPSClass.PROMOTER
    if score >= LOWEST_PASSIVE_SCORE:
        return NPSClass.PASSIVE
    return NPSClass.DETRACTOR


def _as_whole_number(score: object, scale: Scale) -> int:
    if score is None:
        raise InvalidScoreError(score, "is missing (None)", scale=scale)
    # bool is an int subclass in Python, but True is never a score someone typed.
    if isinstance(score, (bool, np.bool_)):
        raise InvalidScoreError(score, "is a bool, not a number", scale=scale)
    if isinstance(score, numbers.Integral):
        return int(score)
    if isinstance(score, Decimal):
        if score.is_nan():
            raise InvalidScoreError(score, "is not a number", scale=scale)
        if score.is_infinite():
            raise InvalidScoreError(score, "is not a finite number", scale=scale)
        if score != score.to_integral_value():
            raise InvalidScoreError(score, "is not a whole number", scale=scale)
        return int(score)
    if isinstance(score, numbers.Real):
        as_float = float(score)
        if math.isnan(as_float):
            raise InvalidScoreError(score, "is not a number", scale=scale)
        if math.isinf(as_float):
            raise InvalidScoreError(score, "is not a finite number", scale=scale)
        if not as_float.is_integer():
            raise InvalidScoreError(score, "is not a whole number", scale=scale)
        return int(as_float)
    raise InvalidScoreError(score, f"is a {type(score).__name__}, not a number", scale=scale)


def _show(value: object) -> str:
    shown = str(value) if isinstance(value, (numbers.Number, np.generic)) else repr(value)
    if len(shown) > _LONGEST_SHOWN_VALUE:
        shown = shown[: _LONGEST_SHOWN_VALUE - 3] + "..."
    return shown
