"""Query parameters that choose responses; shared by the response list and the summary."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from django.utils.translation import gettext as _
from ninja import Schema
from pydantic import AfterValidator, Field, model_validator

from opennps.api.queries import ResponseFilters
from opennps.api.schemas.common import ATTRIBUTE_KEY
from opennps.stats import DEFAULT_METHOD

NpsClassName = Literal["promoter", "passive", "detractor"]
ChannelName = Literal["web", "email", "sms", "widget", "kiosk", "phone", "api"]
IntervalMethod = Literal["adjusted-wald", "wald", "bayesian"]


def _attribute_pairs(values: list[str]) -> list[str]:
    for value in values:
        name, separator, _expected = value.partition(":")
        if not separator or not ATTRIBUTE_KEY.match(name):
            raise ValueError(
                _(
                    "%(value)s is not an attribute filter; write attribute=NAME:VALUE, e.g. store:12."
                )
                % {"value": repr(value)}
            )
    return values


class ResponseFilterQuery(Schema):
    date_from: date | None = Field(None, alias="from", description="First day, e.g. 2024-01-01.")
    date_to: date | None = Field(None, alias="to", description="Last day, included.")
    nps_class: NpsClassName | None = Field(None, alias="class")
    channel: ChannelName | None = None
    attribute: Annotated[list[str], AfterValidator(_attribute_pairs)] = Field(
        default_factory=list,
        description="NAME:VALUE, repeatable; every one must match the response's attributes.",
    )

    @model_validator(mode="after")
    def _dates_in_order(self) -> ResponseFilterQuery:
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError(_("'from' is after 'to'; swap them."))
        return self

    def to_filters(self, survey_id: int | None = None) -> ResponseFilters:
        pairs = tuple(tuple(value.split(":", 1)) for value in self.attribute)
        return ResponseFilters(
            survey_id=survey_id,
            date_from=self.date_from,
            date_to=self.date_to,
            nps_class=self.nps_class,
            channel=self.channel,
            attributes=pairs,  # type: ignore[arg-type]
        )


class SummaryQuery(ResponseFilterQuery):
    confidence: float = Field(0.95, gt=0, lt=1, description="Confidence level of the interval.")
    method: IntervalMethod = Field(DEFAULT_METHOD, description="How the interval is computed.")


class ResponseListQuery(ResponseFilterQuery):
    survey: int | None = Field(None, description="Only this survey's responses.")
    cursor: str | None = Field(None, description="The `next` value of the previous page.")
    limit: int = Field(100, ge=1, le=500, description="Responses per page, at most 500.")
