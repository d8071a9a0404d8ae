"""The filters every figure takes: the dashboard, the API, exports and reports.

The figures themselves (headline, trend, segments) are in opennps.analytics.dashboard_queries.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Filters:
    workspace_id: int
    survey_ids: tuple[int, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    channels: tuple[str, ...] = ()
    attributes: tuple[tuple[str, str], ...] = ()  # (attribute, value) pairs, all must match
    classes: tuple[str, ...] = ()  # promoter / passive / detractor
    extra: dict[str, str] = field(default_factory=dict, compare=False)
    # Driver keys of the comment analysis (any of them); only raw rows know a comment's drivers.
    drivers: tuple[str, ...] = ()

    @property
    def needs_raw_rows(self) -> bool:
        return len(self.attributes) > 1 or bool(self.classes) or bool(self.drivers)

    def with_dates(self, date_from: date | None, date_to: date | None) -> Filters:
        return Filters(
            self.workspace_id, self.survey_ids, date_from, date_to,
            self.channels, self.attributes, self.classes, drivers=self.drivers,
        )  # fmt: skip
