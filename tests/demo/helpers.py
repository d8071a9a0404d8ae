"""Constants and small helpers shared by the demo data tests."""

from __future__ import annotations

from datetime import UTC, datetime

from opennps.demo.phrases import BANKS

# A fixed "now": the same seed then gives exactly the same rows on every run.
NOW = datetime(2025, 6, 15, 12, 0, tzinfo=UTC)
SMALL = 1500  # responses in a test load (the full demo has 20,000)
SEED = 7


def sentences_of(language: str) -> list[str]:
    """Every sentence a comment or third answer in `language` may use, longest first."""
    bank = BANKS[language]
    sentences = [
        sentence
        for drivers in (bank.CUSTOMER, bank.EMPLOYEE)
        for polarities in drivers.values()
        for options in polarities.values()
        for sentence in options
    ]
    extras = (
        bank.CUSTOMER_CHURN,
        bank.CUSTOMER_PRAISE,
        bank.EMPLOYEE_CHURN,
        bank.EMPLOYEE_PRAISE,
        bank.SUGGESTIONS,
    )
    sentences += [sentence for options in extras for sentence in options]
    return sorted(sentences, key=len, reverse=True)


def is_written_in(text: str, language: str) -> bool:
    """True when `text` is one or more whole sentences of `language`'s bank, and nothing else."""
    known = sentences_of(language)
    rest = text
    while rest:
        match = next((sentence for sentence in known if rest.startswith(sentence)), None)
        if match is None:
            return False
        rest = rest[len(match) :].lstrip(" ")
    return bool(text)
