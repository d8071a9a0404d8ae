"""The filters of the response browser, exports and reports, read from and written to the URL.

Parameters (each repeatable where it makes sense, so a view can be shared as a link):
`from`, `to` (YYYY-MM-DD, both days included, server time zone), `survey`, `channel`, `class`
(promoter, passive, detractor), `attribute=NAME:VALUE` (all must match; `language:ru` filters
the response language; `attr` is accepted as a short form), `driver` (a driver key of the
comment analysis; any of them) and `q` (words in the comment or third answer). The names are the dashboard's and the API's, so a dashboard link opens the same
responses here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlencode

from django.http import QueryDict
from django.utils.translation import gettext as _

from opennps.analytics.queries import Filters
from opennps.comments.taxonomy import driver_labels
from opennps.distribution.models import Channel
from opennps.responses.models import NpsClassChoices
from opennps.surveys.models import Survey

SEARCH_MAX_LENGTH = 200
ATTRIBUTE_FILTERS_MAX = 10


@dataclass(frozen=True)
class ViewFilters:
    """What the reader asked for, checked: the analytics Filters plus the search words.

    `errors` name the parameter that was wrong; a wrong parameter is left out of the filters
    rather than guessed at.
    """

    filters: Filters
    search: str = ""
    errors: tuple[str, ...] = ()
    params: tuple[tuple[str, str], ...] = field(default=())

    @property
    def workspace_id(self) -> int:
        return self.filters.workspace_id

    @property
    def active(self) -> bool:
        return bool(self.params)

    def query_string(self, drop: Iterable[str] = (), **extra: str) -> str:
        """The filters as a query string (without '?'), minus `drop`, plus `extra` parameters."""
        dropped = set(drop)
        pairs = [(name, value) for name, value in self.params if name not in dropped]
        pairs += [(name, value) for name, value in extra.items() if value]
        return urlencode(pairs)

    @property
    def query(self) -> str:
        return self.query_string()

    @property
    def query_without_search(self) -> str:
        """For the report and the segment table, which count answers and do not search words."""
        return self.query_string(drop=["q"])

    @property
    def chips(self) -> list[tuple[str, str, str]]:
        """(name, value, query string without it): the active filters with their remove links."""
        return [
            (name, value, urlencode([pair for pair in self.params if pair != (name, value)]))
            for name, value in self.params
        ]


def _date(raw: str, name: str, errors: list[str]) -> date | None:
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        errors.append(
            _("%(name)s: %(value)s is not a date; write it as YYYY-MM-DD, e.g. 2025-03-31.")
            % {"name": name, "value": repr(raw[:40])}
        )
        return None


def parse_filters(params: QueryDict, workspace_id: int) -> ViewFilters:
    """Check the URL's filter parameters against the workspace (its surveys, known channels…)."""
    errors: list[str] = []
    kept: list[tuple[str, str]] = []

    date_from = _date(params.get("from", "").strip(), "from", errors)
    date_to = _date(params.get("to", "").strip(), "to", errors)
    if date_from and date_to and date_from > date_to:
        errors.append(_("from: the first day is after the last day; swap them."))
        date_from = date_to = None
    for name, day in (("from", date_from), ("to", date_to)):
        if day:
            kept.append((name, day.isoformat()))

    own_surveys = set(Survey.objects.filter(workspace_id=workspace_id).values_list("pk", flat=True))
    survey_ids: list[int] = []
    for raw in params.getlist("survey"):
        if not raw:
            continue
        if raw.isdigit() and int(raw) in own_surveys:
            survey_ids.append(int(raw))
            kept.append(("survey", raw))
        else:
            errors.append(
                _("survey: there is no survey %(value)s here.") % {"value": repr(raw[:40])}
            )

    channels = _choices(params, "channel", Channel.values, kept, errors)
    classes = _choices(params, "class", NpsClassChoices.values, kept, errors)

    attributes: list[tuple[str, str]] = []
    for raw in [*params.getlist("attribute"), *params.getlist("attr")]:
        if not raw:
            continue
        name, separator, value = raw.partition(":")
        name = name.strip()
        if not separator or not name or len(name) > 64:
            errors.append(
                _(
                    "attribute: %(value)s is not an attribute filter; write NAME:VALUE, "
                    "e.g. region:North."
                )
                % {"value": repr(raw[:80])}
            )
        elif len(attributes) >= ATTRIBUTE_FILTERS_MAX:
            errors.append(
                _("attribute: at most %(count)s attribute filters at once.")
                % {"count": ATTRIBUTE_FILTERS_MAX}
            )
        elif (name, value) not in attributes:
            attributes.append((name, value))
            kept.append(("attribute", f"{name}:{value}"))

    drivers = _drivers(params, workspace_id, kept, errors)

    search = " ".join(params.get("q", "").split())
    if len(search) > SEARCH_MAX_LENGTH:
        errors.append(
            _("q: search for at most %(count)s characters.") % {"count": SEARCH_MAX_LENGTH}
        )
        search = ""
    if search:
        kept.append(("q", search))

    filters = Filters(
        workspace_id=workspace_id,
        survey_ids=tuple(survey_ids),
        date_from=date_from,
        date_to=date_to,
        channels=tuple(channels),
        attributes=tuple(attributes),
        classes=tuple(classes),
        drivers=tuple(drivers),
    )
    return ViewFilters(filters, search, tuple(errors), tuple(kept))


def _drivers(
    params: QueryDict, workspace_id: int, kept: list[tuple[str, str]], errors: list[str]
) -> list[str]:
    """The `driver` parameters (any of them) that name a driver of the workspace's taxonomy."""
    raw_keys = [raw.strip() for raw in params.getlist("driver") if raw.strip()]
    if not raw_keys:
        return []  # the taxonomy is only built when someone filters by driver
    known = driver_labels(workspace_id)
    chosen: list[str] = []
    for raw in raw_keys:
        if raw not in known:
            errors.append(
                _("driver: %(value)s is not a driver here; choose one of %(allowed)s.")
                % {"value": repr(raw[:40]), "allowed": ", ".join(known)}
            )
        elif raw not in chosen:
            chosen.append(raw)
            kept.append(("driver", raw))
    return chosen


def _choices(
    params: QueryDict,
    name: str,
    allowed: list[str],
    kept: list[tuple[str, str]],
    errors: list[str],
) -> list[str]:
    chosen: list[str] = []
    for raw in params.getlist(name):
        if not raw:
            continue
        if raw in allowed:
            if raw not in chosen:
                chosen.append(raw)
                kept.append((name, raw))
        else:
            errors.append(
                _("%(name)s: %(value)s is not one of %(allowed)s.")
                % {"name": name, "value": repr(raw[:40]), "allowed": ", ".join(allowed)}
            )
    return chosen
