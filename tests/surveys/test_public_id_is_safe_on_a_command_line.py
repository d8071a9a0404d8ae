"""A survey's public id goes into links, QR codes and command lines (`opennps campaign send
--survey ID`): it must never start with "-", which a command line reads as an option."""

from __future__ import annotations

from opennps.surveys.models import new_public_id


def test_no_public_id_starts_with_a_dash():
    # One random id in 64 would start with "-" if nothing prevented it.
    ids = [new_public_id() for _ in range(5000)]
    assert not [public_id for public_id in ids if public_id.startswith("-")]
    assert {len(public_id) for public_id in ids} == {12}
