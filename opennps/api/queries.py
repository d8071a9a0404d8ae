"""Read-only queries behind the API: filtering responses, the headline summary, cursor pages.

Kept apart from the routers so the analytics endpoints (trend, segments) reuse the same filters.
The summary, the trend and the segments read the rollup whenever it holds the answer (see
opennps.analytics.dashboard_queries) and aggregate raw responses otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import Q, QuerySet
from django.db.models.fields.json import KeyTransform
from django.utils import timezone
from django.utils.translation import gettext as _

from opennps.analytics import dashboard_queries
from opennps.analytics.queries import Filters
from opennps.api.errors import ApiError
from opennps.responses.models import Response
from opennps.stats import DEFAULT_METHOD, summarize
from opennps.surveys.models import Survey
from opennps.web.cursors import CursorCodec

CURSOR_SALT = "opennps.api.responses.cursor"


@dataclass(frozen=True)
class ResponseFilters:
    """Which responses a list, a summary (and later a trend or segment table) counts.

    Dates are whole days in the server's time zone, both ends included. `attributes` are
    (name, value) pairs that must all match the response's attribute snapshot.
    """

    survey_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    nps_class: str | None = None
    channel: str | None = None
    attributes: tuple[tuple[str, str], ...] = field(default=())


def filter_responses(responses: QuerySet[Response], filters: ResponseFilters) -> QuerySet[Response]:
    if filters.survey_id is not None:
        responses = responses.filter(survey_id=filters.survey_id)
    if filters.date_from is not None:
        responses = responses.filter(created_at__gte=_start_of_day(filters.date_from))
    if filters.date_to is not None:
        responses = responses.filter(created_at__lt=_start_of_day(filters.date_to + timedelta(1)))
    if filters.nps_class:
        responses = responses.filter(nps_class=filters.nps_class)
    if filters.channel:
        responses = responses.filter(channel=filters.channel)
    for position, (name, value) in enumerate(filters.attributes):
        # KeyTransform takes the name literally: a name like "contains" stays an attribute name
        # instead of becoming a lookup, as it would in filter(attributes__contains=...).
        alias = f"attribute_{position}"
        responses = responses.alias(**{alias: KeyTransform(name, "attributes")}).filter(
            _attribute_matches(alias, value)
        )
    return responses


def _attribute_matches(alias: str, value: str) -> Q:
    # Attributes arrive as JSON, so store=12 may be stored as the number 12 or the text "12".
    condition = Q(**{alias: value})
    try:
        number = int(value)
    except ValueError:
        try:
            number = float(value)
        except ValueError:
            return condition
    return condition | Q(**{alias: number})


def _start_of_day(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def survey_summary(
    survey: Survey,
    filters: ResponseFilters,
    confidence: float = 0.95,
    method: str = DEFAULT_METHOD,
) -> dict[str, Any]:
    """The headline (n, classes, NPS and its interval) with the keys of `opennps analyze`.

    From the rollup when it can answer (no class filter, at most one attribute filter on a
    segment attribute), so the cost does not grow with the number of responses; else one
    aggregate over the matching responses. opennps.stats does the rest on the histogram.
    """
    histogram = dashboard_queries.headline(analytics_filters(survey, filters))
    return summarize(histogram, confidence, method).to_dict()


def analytics_filters(survey: Survey, filters: ResponseFilters) -> Filters:
    """The API's filters of one survey's responses, as the analytics queries take them."""
    for _name, value in filters.attributes:
        if "\x00" in value:
            # PostgreSQL refuses NUL in text; say so instead of failing in the database.
            raise ApiError(
                422, _("An attribute value may not contain a NUL character."), "query.attribute"
            )
    return Filters(
        workspace_id=survey.workspace_id,
        survey_ids=(survey.pk,),
        date_from=filters.date_from,
        date_to=filters.date_to,
        channels=(filters.channel,) if filters.channel else (),
        attributes=filters.attributes,
        classes=(filters.nps_class,) if filters.nps_class else (),
    )


_CURSORS = CursorCodec(CURSOR_SALT)


def newest_first_page(
    responses: QuerySet[Response], cursor: str | None, limit: int
) -> tuple[list[Response], str | None]:
    """One page of responses, newest first, and the cursor of the next page (see CursorCodec)."""
    return _CURSORS.newest_first_page(responses, cursor, limit)
