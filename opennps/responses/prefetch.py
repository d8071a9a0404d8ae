"""What a write of an answer needs to know about its survey, loaded with the survey in one query.

Storing an answer needs the survey, the id of the version respondents see now and the
workspace's segment keys (for the rollup). `survey_for_writing()` loads the survey with the
last two, so the page and the API find all three in the one statement they already run, and
`create_response` uses them instead of asking again. They are read in the same request as the
write, so they are as fresh as a query inside the write would be: a segment dimension added a
moment ago is picked up by the next answer, in every process. Response listeners can have what
they would otherwise ask in every write loaded the same way (`load_with_survey`).

A version's snapshot never changes once published, so its content is kept per process by id.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from django.db import connection

from opennps.analytics.models import SegmentDimension
from opennps.responses.models import Response
from opennps.surveys.models import Survey, SurveyVersion

# Columns a survey may be looked up by; names never come from input.
LOOKUP_COLUMNS = frozenset({"id", "public_id", "workspace_id"})
# Registered by response listeners: attribute name -> SQL expression over the survey row `s`.
_listener_columns: dict[str, str] = {}


def load_with_survey(name: str, expression: str) -> None:
    """Have survey_for_writing() also load `expression` as the survey's attribute `name`.

    For a response listener: `expression` is SQL over the survey row `s`, made of the models'
    table names and never of input, e.g. "EXISTS(SELECT 1 FROM alerts_alertrule WHERE
    workspace_id = s.workspace_id)". Call from an AppConfig.ready().
    """
    if not name.isidentifier():
        raise ValueError(f"{name!r} is not a valid column alias")
    _listener_columns[name] = expression


def loaded_with_survey(response: Response, name: str) -> Any:
    """The value `name` loaded with the survey of a response being written, or None when its
    survey did not come from survey_for_writing() (a listener then asks the database)."""
    if not Response.survey.is_cached(response):  # type: ignore[attr-defined]
        return None
    return getattr(response.survey, name, None)


def survey_for_writing(**where: object) -> Survey | None:
    """The survey matching every `column=value` (of LOOKUP_COLUMNS), with `latest_version_pk`,
    `latest_version_number`, `segment_keys_json` and the listeners' columns (load_with_survey);
    None when there is no such survey. Call it in the request that writes, never once for many
    writes: what it loads is as fresh as the moment it ran.

    Plain SQL: this runs for every answer, and the ORM spends longer building three
    subqueries than the database spends running them.
    """
    if not where or not set(where) <= LOOKUP_COLUMNS:
        raise ValueError(f"look a survey up by {sorted(LOOKUP_COLUMNS)}, not {sorted(where)}")
    surveys = Survey._meta.db_table
    versions = SurveyVersion._meta.db_table
    dimensions = SegmentDimension._meta.db_table
    keys = (
        "json_agg(d.key)::text" if connection.vendor == "postgresql" else "json_group_array(d.key)"
    )
    latest = f"FROM {versions} v WHERE v.survey_id = s.id ORDER BY v.number DESC LIMIT 1"
    condition = " AND ".join(f"s.{column} = %s" for column in sorted(where))
    # Table and column names come from the models and LOOKUP_COLUMNS; values are parameters.
    listeners = "".join(f", ({sql}) AS {name}" for name, sql in _listener_columns.items())
    sql = (
        f"SELECT s.*, (SELECT v.id {latest}) AS latest_version_pk, "  # noqa: S608
        f"(SELECT v.number {latest}) AS latest_version_number, "
        f"(SELECT {keys} FROM {dimensions} d WHERE d.workspace_id = s.workspace_id) "
        f"AS segment_keys_json{listeners} FROM {surveys} s WHERE {condition} LIMIT 1"
    )
    found = list(Survey.objects.raw(sql, [where[column] for column in sorted(where)]))
    return found[0] if found else None


def known_version_id(survey: Survey) -> int | None:
    """The latest version id loaded by survey_for_writing(), or None when it was not loaded."""
    return getattr(survey, "latest_version_pk", None)


def known_segment_keys(survey: Survey) -> tuple[str, ...] | None:
    """The workspace's segment keys (sorted, as segment_keys() gives them) loaded by
    survey_for_writing(), or None when they were not loaded."""
    if not hasattr(survey, "segment_keys_json"):
        return None
    loaded = survey.segment_keys_json
    if loaded is None:  # no dimension: the subquery found no group
        return ()
    keys = json.loads(loaded) if isinstance(loaded, str) else loaded
    return tuple(sorted(keys))


_contents: dict[int, dict[str, Any]] = {}
CONTENTS_KEPT = 512


def version_content(version_id: int) -> dict[str, Any]:
    """A version's snapshot; read once per process (versions are never edited, only added).

    A copy, so a caller that changes it cannot change what the next request sees.
    """
    content = _contents.get(version_id)
    if content is None:
        content = SurveyVersion.objects.only("content").get(pk=version_id).content
        if len(_contents) >= CONTENTS_KEPT:
            _contents.clear()
        _contents[version_id] = content
    return copy.deepcopy(content)


def forget_version(sender: Any, instance: SurveyVersion, **kwargs: Any) -> None:
    """post_save/post_delete: an id can be given again (a test database rolled back, a restore),
    so a stored version always replaces what this process remembered under its id."""
    _contents.pop(instance.pk, None)
