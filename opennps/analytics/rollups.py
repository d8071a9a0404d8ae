"""Keeping the rollup in step with responses, and rebuilding it from them.

Writers call `apply_change(before, after)` inside the transaction that changes a response, with the
response's facts before and after the change (None for a create or a delete). Increments are one
`INSERT … ON CONFLICT … DO UPDATE` each, atomic on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import re
import zoneinfo
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from opennps.analytics.models import SCORE_COLUMNS, Rollup, RollupMonth, SegmentDimension

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


def _upsert(deltas: dict[tuple[Any, ...], list[int]], workspace_id: int) -> None:
    """Add each cell's 11 score deltas in one `INSERT … ON CONFLICT … DO UPDATE` statement,
    after taking the workspace's shared lock (see _lock_statement).

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
    lock, parameters = _lock_statement(workspace_id, exclusive=False)
    for key, counts in deltas.items():
        parameters.extend(key)
        parameters.extend(counts)
    with connection.cursor() as cursor:
        # One round trip, two statements (Django's default client-side binding sends them as
        # one simple query): the upsert runs once the lock is granted, with a snapshot of its
        # own (READ COMMITTED takes one per statement), exactly as if they were sent apart.
        cursor.execute(lock + sql, parameters)


def _lock_statement(workspace_id: int, exclusive: bool) -> tuple[str, list[Any]]:
    """The statement (ending in "; ") and parameters that take the workspace's rollup lock:
    writers share it and a rebuild takes it alone, so no write lands in a rebuild's gap.

    Empty on SQLite, which needs nothing: it runs write transactions one at a time.
    """
    if connection.vendor != "postgresql":
        return "", []
    function = "pg_advisory_xact_lock" if exclusive else "pg_advisory_xact_lock_shared"
    # Two-key form: namespace 7 ("rollup") keeps these apart from other advisory locks.
    return f"SELECT {function}(7, %s); ", [workspace_id % 2**31]


def _lock_workspace(workspace_id: int, exclusive: bool) -> None:
    """Take the workspace's rollup lock until the transaction ends (see _lock_statement)."""
    lock, parameters = _lock_statement(workspace_id, exclusive)
    if lock:
        with connection.cursor() as cursor:
            cursor.execute(lock, parameters)


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
        workspace_id = (before or after).workspace_id
        _upsert(deltas, workspace_id)
        _forget_closed_months(workspace_id, {key[2] for key in deltas})


def current_month() -> date:
    return local_day(timezone.now()).replace(day=1)


def _forget_closed_months(workspace_id: int, days: set[date]) -> None:
    """A write to a month before this one makes its RollupMonth cells stale: delete them.

    Answers arrive today, so this costs nothing on the usual path; edits of old answers,
    erasures and imports of past answers pay one DELETE.
    """
    this_month = current_month()
    closed = {day.replace(day=1) for day in days if day < this_month}
    if closed:
        RollupMonth.objects.filter(workspace_id=workspace_id, month__in=closed).delete()


def build_month_cells(workspace_id: int, months: Iterable[date]) -> None:
    """Sum the day cells of closed `months` into RollupMonth (months already built are skipped).

    Takes the workspace's lock alone (like a rebuild) so no write can land between reading the
    days and storing their sum; on SQLite the write transaction itself does that.
    """
    this_month = current_month()
    wanted = sorted({month for month in months if month < this_month})
    if not wanted:
        return
    columns = ", ".join(SCORE_COLUMNS)
    sums = ", ".join(f"SUM({column})" for column in SCORE_COLUMNS)
    # Table and column names come from the models; every value is a parameter.
    sql = (
        f"INSERT INTO {RollupMonth._meta.db_table} "  # noqa: S608
        f"(workspace_id, survey_id, month, channel, dimension, value, {columns}) "
        f"SELECT workspace_id, survey_id, %s, channel, dimension, value, {sums} "
        f"FROM {Rollup._meta.db_table} WHERE workspace_id = %s AND day >= %s AND day < %s "
        "GROUP BY workspace_id, survey_id, channel, dimension, value"
    )

    def built() -> set[date]:
        return set(
            RollupMonth.objects.filter(
                workspace_id=workspace_id, month__in=wanted, dimension=""
            ).values_list("month", flat=True)
        )

    # Usually every month is built already: answer without the lock, which would make this read
    # wait for (and hold up) every answer being written to the workspace.
    if built().issuperset(wanted):
        return
    with transaction.atomic():
        _lock_workspace(workspace_id, exclusive=True)
        done = built()
        with connection.cursor() as cursor:
            for month in wanted:
                if month not in done:
                    following = (month + timedelta(days=32)).replace(day=1)
                    cursor.execute(sql, [month, workspace_id, month, following])


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
    months = RollupMonth.objects.all()
    dimensions = SegmentDimension.objects.all()
    if workspace_ids is not None:
        workspace_ids = sorted(workspace_ids)
        for workspace_id in workspace_ids:
            _lock_workspace(workspace_id, exclusive=True)
        responses = responses.filter(workspace_id__in=workspace_ids)
        rollups = rollups.filter(workspace_id__in=workspace_ids)
        months = months.filter(workspace_id__in=workspace_ids)
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
    months.delete()
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
    RollupMonth.objects.bulk_create(_month_cells(cells), batch_size=batch_size)
    return len(cells)


def _month_cells(cells: dict[tuple[Any, ...], list[int]]) -> list[RollupMonth]:
    """The closed months' sums of day cells, so a rebuilt workspace's first view is fast."""
    this_month = current_month()
    months: dict[tuple[Any, ...], list[int]] = {}
    for (workspace_id, survey_id, day, channel, dimension, value), counts in cells.items():
        if day < this_month:
            key = (workspace_id, survey_id, day.replace(day=1), channel, dimension, value)
            sums = months.setdefault(key, [0] * len(SCORE_COLUMNS))
            for score, count in enumerate(counts):
                sums[score] += count
    return [
        RollupMonth(
            workspace_id=workspace_id,
            survey_id=survey_id,
            month=month,
            channel=channel,
            dimension=dimension,
            value=value,
            **dict(zip(SCORE_COLUMNS, counts, strict=True)),
        )
        for (workspace_id, survey_id, month, channel, dimension, value), counts in months.items()
    ]


# ------------------------------------------------------------------ rebuilding in SQL

# Attribute names the SQL rebuild can put in a JSON path without quoting questions.
_PLAIN_KEY = re.compile(r"^[A-Za-z0-9_\-]{1,64}$")


def _day_sql() -> tuple[str, list[Any]]:
    if connection.vendor == "postgresql":
        return "CAST(created_at AT TIME ZONE %s AS date)", [settings.TIME_ZONE]
    return "date(created_at)", []  # SQLite keeps UTC text; only used when TIME_ZONE is UTC


def _attribute_value_sql(key: str) -> tuple[str, list[Any]]:
    """SQL for str(attributes[key])[:200] as facts_of() writes it, NULL when it has none.

    Exact for text, whole numbers and booleans (Python writes True/False); other JSON types make
    rebuild_in_sql fall back to rebuild() (see _needs_python).
    """
    if connection.vendor == "postgresql":
        value = (
            "CASE jsonb_typeof(attributes -> %s) "
            "WHEN 'string' THEN attributes ->> %s WHEN 'number' THEN attributes ->> %s "
            "WHEN 'boolean' THEN CASE WHEN attributes ->> %s = 'true' THEN 'True' ELSE 'False' END "
            "END"
        )
        return f"LEFT({value}, {VALUE_MAX_LENGTH})", [key] * 4
    path = f'$."{key}"'
    value = (
        "CASE json_type(attributes, %s) "
        "WHEN 'text' THEN json_extract(attributes, %s) "
        "WHEN 'integer' THEN CAST(json_extract(attributes, %s) AS TEXT) "
        "WHEN 'true' THEN 'True' WHEN 'false' THEN 'False' END"
    )
    return f"substr({value}, 1, {VALUE_MAX_LENGTH})", [path] * 3


def _needs_python(workspace_id: int, keys: tuple[str, ...]) -> bool:
    """True when some segment value is of a JSON type SQL would write differently from Python
    (objects, arrays, fractions), or a key is not plain enough for a JSON path."""
    from opennps.responses.models import Response

    if any(not _PLAIN_KEY.match(key) for key in keys):
        return True
    table = Response._meta.db_table
    for key in keys:
        if connection.vendor == "postgresql":
            odd = (
                "jsonb_typeof(attributes -> %s) IN ('object', 'array') OR "
                "(jsonb_typeof(attributes -> %s) = 'number' AND attributes ->> %s !~ '^-?[0-9]+$')"
            )
            parameters: list[Any] = [key] * 3
        else:
            odd = "json_type(attributes, %s) IN ('object', 'array', 'real')"
            parameters = [f'$."{key}"']
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT 1 FROM {table} WHERE workspace_id = %s AND ({odd}) LIMIT 1",  # noqa: S608
                [workspace_id, *parameters],
            )
            if cursor.fetchone():
                return True
    return False


def _insert_cells(workspace_id: int, dimension: str, value_sql: str, parameters: list) -> int:
    """Insert the cells of one dimension ("" = the totals) for a workspace; rows inserted."""
    from opennps.responses.models import Response

    day, day_parameters = _day_sql()
    columns = ", ".join(SCORE_COLUMNS)
    sums = ", ".join(f"SUM({column})" for column in SCORE_COLUMNS)
    flags = ", ".join(
        f"CASE WHEN score = {score} THEN 1 ELSE 0 END AS {column}"
        for score, column in enumerate(SCORE_COLUMNS)
    )
    # Totals have the value ""; a dimension's cells need a value.
    having_value = "WHERE value IS NOT NULL AND value <> ''" if dimension else ""
    # Table and column names are ours; the key and every value travel as parameters.
    sql = (
        f"INSERT INTO {Rollup._meta.db_table} "  # noqa: S608
        f"(workspace_id, survey_id, day, channel, dimension, value, {columns}) "
        f"SELECT workspace_id, survey_id, day, channel, %s, value, {sums} FROM ("
        f"SELECT workspace_id, survey_id, {day} AS day, channel, {value_sql} AS value, {flags} "
        f"FROM {Response._meta.db_table} WHERE workspace_id = %s) AS answers "
        f"{having_value} GROUP BY workspace_id, survey_id, day, channel, value"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [dimension, *day_parameters, *parameters, workspace_id])
        return cursor.rowcount


def rebuild_in_sql(workspace_ids: Iterable[int]) -> int:
    """rebuild() done by the database: the same cells, from GROUP BY queries instead of Python.

    For large workspaces (a benchmark's ten million answers). Falls back to rebuild() where SQL
    could write a cell differently: SQLite with a TIME_ZONE other than UTC (it has no time zones),
    or attribute values of JSON types other than text, whole numbers and booleans.
    """
    cells = 0
    for workspace_id in sorted(workspace_ids):
        keys = segment_keys(workspace_id)
        if (connection.vendor == "sqlite" and settings.TIME_ZONE != "UTC") or _needs_python(
            workspace_id, keys
        ):
            cells += rebuild([workspace_id])
            continue
        with transaction.atomic():
            _lock_workspace(workspace_id, exclusive=True)
            Rollup.objects.filter(workspace_id=workspace_id).delete()
            RollupMonth.objects.filter(workspace_id=workspace_id).delete()
            cells += _insert_cells(workspace_id, "", "''", [])
            cells += _insert_cells(workspace_id, "language", "language", [])
            for key in keys:
                value_sql, parameters = _attribute_value_sql(key)
                cells += _insert_cells(workspace_id, key, value_sql, parameters)
            _insert_month_cells(workspace_id)
    return cells


def _insert_month_cells(workspace_id: int) -> None:
    """Every closed month's sums of the workspace's day cells, in one statement."""
    if connection.vendor == "postgresql":
        month = "CAST(date_trunc('month', day) AS date)"
    else:
        month = "date(day, 'start of month')"
    columns = ", ".join(SCORE_COLUMNS)
    sums = ", ".join(f"SUM({column})" for column in SCORE_COLUMNS)
    sql = (
        f"INSERT INTO {RollupMonth._meta.db_table} "  # noqa: S608
        f"(workspace_id, survey_id, month, channel, dimension, value, {columns}) "
        f"SELECT workspace_id, survey_id, {month}, channel, dimension, value, {sums} "
        f"FROM {Rollup._meta.db_table} WHERE workspace_id = %s AND day < %s "
        f"GROUP BY workspace_id, survey_id, {month}, channel, dimension, value"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [workspace_id, current_month()])
