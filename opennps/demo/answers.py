"""Turning one respondent's experience into a response row: score, class, comment, third answer,
aspect ratings and timestamps."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any

from opennps.demo import phrases, story
from opennps.stats.classify import class_of_whole_score

Row = dict[str, Any]

# Detractors have more to say; SMS and kiosks make typing a chore, interviewers write it down.
COMMENT_RATE = {"detractor": 0.70, "passive": 0.48, "promoter": 0.42}
CHANNEL_COMMENT_FACTOR = {"sms": 0.7, "kiosk": 0.75, "widget": 0.9, "phone": 1.15}
RATING_ANSWER_RATE = 0.72  # the aspect ratings are optional
THIRD_ANSWER_RATE = 0.2  # of those who wrote a comment and were asked


def respondent_key(rng: random.Random) -> str:
    """Stands in for the hash of a browser's random id on open links."""
    return f"{rng.getrandbits(256):064x}"


def aspect_ratings(
    rng: random.Random, asked: tuple[str, ...], felt: story.Experience
) -> dict[str, int]:
    """1–5 ratings for the aspects `asked`, each skipped by some respondents."""
    return {
        key: story.aspect_rating(rng, felt.drivers[key], felt.score)
        for key in asked
        if rng.random() < RATING_ANSWER_RATE
    }


def response_row(
    rng: random.Random,
    *,
    survey: str,
    version: int,
    felt: story.Experience,
    channel: str,
    language: str,
    created_at: datetime,
    attributes: dict[str, Any],
    contact: str | None = None,
    invitation: int | None = None,
    respondent: str = "",
    answers: dict[str, int] | None = None,
    asks_third_question: bool = False,
) -> Row:
    """One response; the comment and third answer follow the score and the experiences."""
    nps_class = str(class_of_whole_score(felt.score))
    comment_rate = COMMENT_RATE[nps_class] * CHANNEL_COMMENT_FACTOR.get(channel, 1.0)
    audience = "employee" if survey == "enps" else "customer"
    comment = third_answer = ""
    if rng.random() < min(0.95, comment_rate):
        relevant = {name: felt.drivers[name] for name in felt.relevant}
        comment = phrases.compose_comment(rng, language, audience, felt.score, relevant)
        if asks_third_question and rng.random() < THIRD_ANSWER_RATE:
            third_answer = phrases.suggestion(rng, language)
    # The follow-up arrives a minute or two after the score and updates the row.
    updated_at = created_at + timedelta(seconds=rng.randint(40, 240)) if comment else created_at
    return {
        "survey": survey,
        "version": version,
        "score": felt.score,
        "nps_class": nps_class,
        "comment": comment,
        "third_answer": third_answer,
        "answers": answers or {},
        "channel": channel,
        "language": language,
        "contact": contact,
        "invitation": invitation,
        "attributes": attributes,
        "respondent_key": respondent,
        "created_at": created_at,
        "updated_at": updated_at,
    }
