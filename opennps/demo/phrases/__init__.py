"""The sentence bank for demo comments, one module per language, and how comments are composed.

Each language module holds, per driver (price, quality, … for customers; pay, workload, … for
employees), natural sentences of negative and positive polarity, plus closing remarks and
suggestions for the third question. A comment picks the drivers that moved the respondent most, in
the direction their score points to, so a detractor complains about what really went wrong.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from types import ModuleType

from opennps.demo.phrases import bg, en, kk, ru, zh_hans

BANKS: dict[str, ModuleType] = {"en": en, "ru": ru, "kk": kk, "bg": bg, "zh-hans": zh_hans}
LANGUAGES = tuple(BANKS)

NEGATIVE = "negative"
POSITIVE = "positive"


def sentence(rng: random.Random, language: str, audience: str, driver: str, polarity: str) -> str:
    """One sentence about `driver` ("customer" or "employee" audience) with the given polarity."""
    drivers = BANKS[language].CUSTOMER if audience == "customer" else BANKS[language].EMPLOYEE
    return rng.choice(drivers[driver][polarity])


def join_sentences(language: str, sentences: list[str]) -> str:
    # Chinese runs sentences together; the others separate them with a space.
    return ("" if language == "zh-hans" else " ").join(sentences)


def mentions(
    rng: random.Random, score: int, experiences: Mapping[str, float]
) -> list[tuple[str, str]]:
    """(driver, polarity) pairs a respondent with this score and these experiences talks about.

    Detractors complain about their worst experiences, promoters praise their best, passives
    often do both ("good network, but too expensive").
    """
    worst = sorted(experiences, key=lambda name: experiences[name])
    best = worst[::-1]
    if score <= 6:
        said = [(worst[0], NEGATIVE)]
        if len(worst) > 1 and rng.random() < 0.4:
            said.append((worst[1], NEGATIVE))
        return said
    if score <= 8:
        roll = rng.random()
        if roll < 0.5 and best[0] != worst[0]:
            return [(best[0], POSITIVE), (worst[0], NEGATIVE)]
        if roll < 0.85:
            return [(worst[0], NEGATIVE)]
        return [(best[0], POSITIVE)]
    said = [(best[0], POSITIVE)]
    if len(best) > 1 and rng.random() < 0.35:
        said.append((best[1], POSITIVE))
    return said


def compose_comment(
    rng: random.Random,
    language: str,
    audience: str,
    score: int,
    experiences: Mapping[str, float],
) -> str:
    """A comment in `language` that fits the score and names the drivers behind it."""
    bank = BANKS[language]
    sentences = [
        sentence(rng, language, audience, driver, polarity)
        for driver, polarity in mentions(rng, score, experiences)
    ]
    churn = bank.CUSTOMER_CHURN if audience == "customer" else bank.EMPLOYEE_CHURN
    praise = bank.CUSTOMER_PRAISE if audience == "customer" else bank.EMPLOYEE_PRAISE
    if score <= 3 and rng.random() < 0.35:
        sentences.append(rng.choice(churn))
    elif score >= 9 and rng.random() < 0.25:
        sentences.append(rng.choice(praise))
    return join_sentences(language, sentences)


def suggestion(rng: random.Random, language: str) -> str:
    """An answer to "Is there anything else we could do to surprise you?"."""
    return rng.choice(BANKS[language].SUGGESTIONS)
