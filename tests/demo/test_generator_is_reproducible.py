"""The generator is pure: the same seed and moment give the same rows, without a database."""

from __future__ import annotations

from opennps.demo.generator import generate

from .helpers import NOW, SEED


def test_the_same_seed_and_moment_give_exactly_the_same_rows():
    first = generate(SEED, 600, NOW)
    second = generate(SEED, 600, NOW)
    assert first.contacts == second.contacts
    assert first.invitations == second.invitations
    assert first.responses == second.responses


def test_another_seed_gives_other_rows():
    scores = [row["score"] for row in generate(SEED, 600, NOW).responses]
    other_scores = [row["score"] for row in generate(SEED + 1, 600, NOW).responses]
    assert scores != other_scores


def test_every_row_is_dated_within_the_eighteen_months_before_now():
    data = generate(SEED, 600, NOW)
    earliest = min(row["created_at"] for row in data.responses)
    latest = max(row["updated_at"] for row in data.responses)
    assert (NOW - earliest).days <= 548
    assert latest <= NOW
    assert all(row["updated_at"] >= row["created_at"] for row in data.responses)
