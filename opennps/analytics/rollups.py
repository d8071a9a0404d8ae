"""Keeping the rollup in step with responses, and rebuilding it from them.

Writers call `apply_change(before, after)` inside the transaction that changes a response, with the
response's facts before and after the change (None for a create or a delete). Increments are one
`INSERT … ON CONFLICT … DO UPDATE` each, atomic on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import zoneinfo
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.db import connection, transaction

from opennps.analytics.models import SCORE_COLUMNS, Rollup, SegmentDimension

# Attributes that are always rolled up, besides those a workspace marks as segments.
BUILT_IN_DIMENSIONS = ("language",)
VALUE_MAX_LENGTH = 200


@dataclass(frozen=True)
class Facts:
    """What of a response the rollup depends on."""

    workspace_id: int
    survey_id: int
    day: date
    channel: str
    score: int
    segments: tuple[tuple[str, str], ...]  # (dimension, value) pairs, without the total row


def local_day(moment: datetime) -> date:
    return moment.astimezone(zoneinfo.ZoneInfo(settings.TIME_ZONE)).date()


def segment_keys(workspace_id: int) -> tuple[str, ...]:
    return tuple(
        SegmentDimension.objects.filter(workspace_id=workspace_id)
        .order_by("key")
        .values_list("key", flat=True)
    )


def facts_of(response: Any, keys: Iterable[str] | None = None) -> Facts:
    """The rollup facts of a Response. `keys`: the workspace's segment keys, if already known."""
    keys = segment_keys(response.workspace_id) if keys is None else keys
    segments: list[tuple[str, str]] = []
    if response.language:
        segments.append(("language", response.language))
    attributes = response.attributes or {}
    for key in keys:
        value = attributes.get(key)
        if value is not None and value != "":
            segments.append((key, str(value)[:VALUE_MAX_LENGTH]))
    return Facts(
        workspace_id=response.workspace_id,
        survey_id=response.survey_id,
        day=local_day(response.created_at),
        channel=response.channel,
        score=response.score,
        segments=tuple(segments),
    )


def _cells(facts: Facts) -> list[tuple[str, str]]:
    return [("", ""), *facts.segments]


def _upsert(deltas: dict[tuple[Any, ...], list[int]]) -> None:
    """Add each cell's 11 score deltas in one `INSERT … ON CONFLICT … DO UPDATE` statement.

    A cell appears once per statement (PostgreSQL refuses to update a row twice in one).
    """
    table = Rollup._meta.db_table
    columns = ", ".join(SCORE_COLUMNS)
    row = "(" + ", ".join(["%s"] * (6 + len(SCORE_COLUMNS))) + ")"
    increments = ", ".join(f"{c} = {table}.{c} + excluded.{c}" for c in SCORE_COLUMNS)
    # Table and column names come from the model, never from input; every value is a parameter.
    sql = (
        f"INSERT INTO {table} (workspace_id, survey_id, day, channel, dimension, value, {columns}) "  # noqa: S608
        f"VALUES {', '.join([row] * len(deltas))} "
        f"ON CONFLICT (survey_id, day, channel, dimension, value) DO UPDATE SET {increments}"
    )
    parameters: list[Any] = []
    for key, counts in deltas.items():
        parameters.extend(key)
        parameters.extend(counts)
    with connection.cursor() as cursor:
        cursor.execute(sql, parameters)


def _lock_workspace(workspace_id: int, exclusive: bool) -> None:
    """Writers share the lock and a rebuild takes it alone, so no write lands in a rebuild's gap.

    SQLite needs nothing: it runs write transactions one at a time.
    """
    if connection.vendor != "postgresql":
        return
    function = "pg_advisory_xact_lock" if exclusive else "pg_advisory_xact_lock_shared"
    with connection.cursor() as cursor:
        # Two-key form: namespace 7 ("rollup") keeps these apart from other advisory locks.
        cursor.execute(f"SELECT {function}(7, %s)", [workspace_id % 2**31])


def apply_change(before: Facts | None, after: Facts | None) -> None:
    """Move one response's count from the cells of `before` to the cells of `after`."""
    if before == after:
        return
    deltas: dict[tuple[Any, ...], list[int]] = {}
    for facts, sign in ((before, -1), (after, +1)):
        if facts is None:
            continue
        for dimension, value in _cells(facts):
            key = (facts.workspace_id, facts.survey_id, facts.day, facts.channel, dimension, value)
            deltas.setdefault(key, [0] * len(SCORE_COLUMNS))[facts.score] += sign
    deltas = {key: counts for key, counts in deltas.items() if any(counts)}
    if not deltas:
        return
    # Joins the caller's transaction without a savepoint: a failure here must fail the write.
    with transaction.atomic(savepoint=False):
        _lock_workspace((before or after).workspace_id, exclusive=False)
        _upsert(deltas)


def histogram_rows(responses: Iterable[Any], keys_by_workspace: dict[int, tuple[str, ...]]):
    """(cell key, score) -> count, computed from raw responses; the rebuild's source of truth."""
    counts: Counter[tuple[Any, ...]] = Counter()
    for response in responses:
        facts = facts_of(response, keys_by_workspace.get(response.workspace_id, ()))
        for dimension, value in _cells(facts):
            key = (facts.workspace_id, facts.survey_id, facts.day, facts.channel, dimension, value)
            counts[(*key, facts.score)] += 1
    return counts


@transaction.atomic
def rebuild(workspace_ids: Iterable[int] | None = None, batch_size: int = 5000) -> int:
    """Recompute the rollup from raw responses (all workspaces, or the given ones); rows written."""
    from opennps.responses.models import Response

    responses = Response.objects.all()
    rollups = Rollup.objects.all()
    dimensions = SegmentDimension.objects.all()
    if workspace_ids is not None:
        workspace_ids = sorted(workspace_ids)
        for workspace_id in workspace_ids:
            _lock_workspace(workspace_id, exclusive=True)
        responses = responses.filter(workspace_id__in=workspace_ids)
        rollups = rollups.filter(workspace_id__in=workspace_ids)
        dimensions = dimensions.filter(workspace_id__in=workspace_ids)
    else:
        for workspace_id in sorted(
            Rollup.objects.values_list("workspace_id", flat=True).distinct()
        ):
            _lock_workspace(workspace_id, exclusive=True)
    keys_by_workspace: dict[int, list[str]] = {}
    for workspace_id, key in dimensions.order_by("key").values_list("workspace_id", "key"):
        keys_by_workspace.setdefault(workspace_id, []).append(key)
    frozen_keys = {workspace: tuple(keys) for workspace, keys in keys_by_workspace.items()}

    rows = responses.only(
        "workspace_id", "survey_id", "created_at", "channel", "score", "language", "attributes"
    ).iterator(chunk_size=batch_size)
    cells: dict[tuple[Any, ...], list[int]] = {}
    for (*key, score), count in histogram_rows(rows, frozen_keys).items():
        cells.setdefault(tuple(key), [0] * 11)[score] += count
    rollups.delete()
    objects = (
        Rollup(
            workspace_id=workspace_id,
            survey_id=survey_id,
            day=day,
            channel=channel,
            dimension=dimension,
            value=value,
            **dict(zip(SCORE_COLUMNS, counts, strict=True)),
        )
        for (workspace_id, survey_id, day, channel, dimension, value), counts in cells.items()
    )
    Rollup.objects.bulk_create(objects, batch_size=batch_size)
    return len(cells)
