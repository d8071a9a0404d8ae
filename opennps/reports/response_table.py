"""Responses as rows for the CSV and XLSX exports, with the same filters and anonymity as the browser.

Column names are stable machine names (score, comment, attribute:region …), not translated: an
export feeds spreadsheets and scripts, and `opennps analyze` finds its score column by name.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.db.models import QuerySet

from opennps.reports.anonymity import Disclosure
from opennps.reports.browse import matching_responses
from opennps.reports.filters import ViewFilters
from opennps.responses.models import Response
from opennps.surveys.models import Survey

FIXED_COLUMNS = (
    "response_id",
    "created_at",
    "survey",
    "score",
    "nps_class",
    "comment",
    "third_answer",
    "channel",
    "language",
    "contact_external_id",
    "contact_email",
)
ROW_FIELDS = (
    "pk",
    "created_at",
    "survey_id",
    "score",
    "nps_class",
    "comment",
    "third_answer",
    "channel",
    "language",
    "answers",
    "attributes",
    "contact__external_id",
    "contact__email",
)
CHUNK = 2000


@dataclass(frozen=True)
class ResponseTable:
    header: list[str]
    rows: Iterator[list[Any]]


def _responses(view: ViewFilters, disclosure: Disclosure) -> QuerySet[Response]:
    responses = matching_responses(view.filters, view.search)
    if disclosure.withheld_surveys:
        responses = responses.exclude(survey_id__in=disclosure.withheld_surveys)
    return responses


def _keys(responses: QuerySet[Response], disclosure: Disclosure) -> tuple[list[str], list[str]]:
    """Every answer and attribute key among the matches (a first, light pass over two columns)."""
    answer_keys: set[str] = set()
    attribute_keys: set[str] = set()
    rows = responses.order_by().values_list("survey_id", "answers", "attributes")
    for survey_id, answers, attributes in rows.iterator(chunk_size=CHUNK):
        answer_keys.update((answers or {}).keys())
        if survey_id in disclosure.employee_ids:
            coarse = disclosure.coarse.get(survey_id, set())
            attribute_keys.update(
                key for key, value in (attributes or {}).items() if (key, str(value)) in coarse
            )
        else:
            attribute_keys.update((attributes or {}).keys())
    return sorted(answer_keys), sorted(attribute_keys)


def _local(moment: datetime) -> datetime:
    """Server-local wall time to the second: spreadsheets keep milliseconds at most."""
    local = moment.astimezone(zoneinfo.ZoneInfo(settings.TIME_ZONE))
    return local.replace(tzinfo=None, microsecond=0)


def response_table(view: ViewFilters) -> ResponseTable:
    """The header now, the rows lazily (newest first), so a large export streams."""
    disclosure = Disclosure.for_filters(view.filters)
    responses = _responses(view, disclosure)
    answer_keys, attribute_keys = _keys(responses, disclosure)
    header = [
        *FIXED_COLUMNS,
        *(f"answer:{key}" for key in answer_keys),
        *(f"attribute:{key}" for key in attribute_keys),
    ]
    surveys = dict(Survey.objects.filter(workspace_id=view.workspace_id).values_list("pk", "name"))

    def rows() -> Iterator[list[Any]]:
        # Plain tuples, not model instances: an export may be a million rows long.
        ordered = responses.order_by("-created_at", "-id").values_list(*ROW_FIELDS)
        for row in ordered.iterator(chunk_size=CHUNK):
            (pk, created_at, survey_id, score, nps_class, comment, third_answer) = row[:7]
            (channel, language, answers, attributes, external_id, email) = row[7:]
            anonymous = survey_id in disclosure.employee_ids
            moment: date | datetime = _local(created_at)
            if anonymous:
                moment, external_id, email = moment.date(), "", ""
            shown = dict(disclosure.attributes_of(survey_id, attributes)[0])
            answers = answers or {}
            yield [
                pk,
                moment,
                surveys.get(survey_id, ""),
                score,
                nps_class,
                comment,
                third_answer,
                channel,
                disclosure.language_of(survey_id, language),
                external_id or "",
                email or "",
                *(_plain(answers.get(key)) for key in answer_keys),
                *(shown.get(key) for key in attribute_keys),
            ]

    return ResponseTable(header, rows())


def _plain(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    return value
