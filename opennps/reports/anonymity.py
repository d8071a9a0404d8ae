"""What of an employee (eNPS) response may be shown: its words, but never who said them.

eNPS responses have no contact by construction. What could still point at a person is an
attribute that few people share ("department: Legal" with two people in it). So for eNPS:
- an attribute (or the language) is shown only if it is a segment the admins marked as a group
  and at least ENPS_MINIMUM_GROUP responses of that survey share its value;
- attribute filters that would narrow an eNPS survey to fewer people leave its responses out;
- times are shown as dates.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Sum

from opennps.analytics.dashboard_queries import with_attributes
from opennps.analytics.models import SCORE_COLUMNS, Rollup
from opennps.analytics.queries import Filters
from opennps.analytics.rollups import BUILT_IN_DIMENSIONS, segment_keys
from opennps.responses.models import Response
from opennps.stats import ENPS_MINIMUM_GROUP
from opennps.surveys.models import Survey, SurveyKind


def employee_survey_ids(workspace_id: int) -> set[int]:
    return set(
        Survey.objects.filter(workspace_id=workspace_id, kind=SurveyKind.EMPLOYEE).values_list(
            "pk", flat=True
        )
    )


def _coarse_groups(survey_ids: Iterable[int]) -> dict[int, set[tuple[str, str]]]:
    """Per eNPS survey, the (dimension, value) groups with enough responses, all time."""
    ids = list(survey_ids)
    groups: dict[int, set[tuple[str, str]]] = {survey_id: set() for survey_id in ids}
    if not ids:
        return groups
    total = sum((Sum(column) for column in SCORE_COLUMNS[1:]), Sum(SCORE_COLUMNS[0]))
    rows = (
        Rollup.objects.filter(survey_id__in=ids)
        .exclude(dimension="")
        .values("survey_id", "dimension", "value")
        .annotate(responses=total)
    )
    for row in rows:
        if (row["responses"] or 0) >= ENPS_MINIMUM_GROUP:
            groups[row["survey_id"]].add((row["dimension"], row["value"]))
    return groups


@dataclass
class Disclosure:
    """Decides, response by response, which facts the browser and the exports may show."""

    workspace_id: int
    employee_ids: set[int] = field(default_factory=set)
    coarse: dict[int, set[tuple[str, str]]] = field(default_factory=dict)
    withheld_surveys: set[int] = field(default_factory=set)

    @classmethod
    def for_filters(cls, filters: Filters) -> Disclosure:
        employee_ids = employee_survey_ids(filters.workspace_id)
        if filters.survey_ids:
            employee_ids &= set(filters.survey_ids)
        disclosure = cls(filters.workspace_id, employee_ids, _coarse_groups(employee_ids))
        disclosure.withheld_surveys = disclosure._surveys_narrowed_by(filters)
        return disclosure

    def _surveys_narrowed_by(self, filters: Filters) -> set[int]:
        if not filters.attributes or not self.employee_ids:
            return set()
        groups = set(segment_keys(self.workspace_id)) | set(BUILT_IN_DIMENSIONS)
        withheld = set()
        for survey_id in self.employee_ids:
            if any(name not in groups for name, _ in filters.attributes):
                withheld.add(survey_id)
                continue
            people = with_attributes(
                Response.objects.filter(survey_id=survey_id), filters.attributes
            ).count()
            if people < ENPS_MINIMUM_GROUP:
                withheld.add(survey_id)
        return withheld

    def is_anonymous(self, response: Response) -> bool:
        return response.survey_id in self.employee_ids

    def attributes(self, response: Response) -> tuple[list[tuple[str, str]], int]:
        return self.attributes_of(response.survey_id, response.attributes)

    def language(self, response: Response) -> str:
        return self.language_of(response.survey_id, response.language)

    def _shown(self, survey_id: int, key: str, value: object) -> bool:
        if survey_id not in self.employee_ids:
            return True
        return (key, str(value)) in self.coarse.get(survey_id, set())

    def attributes_of(
        self, survey_id: int, attributes: dict | None
    ) -> tuple[list[tuple[str, str]], int]:
        """The attributes that may be shown, sorted by name, and how many were held back."""
        shown, hidden = [], 0
        for key, value in sorted((attributes or {}).items()):
            if value is None or value == "":
                continue
            if self._shown(survey_id, key, value):
                shown.append((key, str(value)))
            else:
                hidden += 1
        return shown, hidden

    def language_of(self, survey_id: int, language: str) -> str:
        if language and self._shown(survey_id, "language", language):
            return language
        return ""
