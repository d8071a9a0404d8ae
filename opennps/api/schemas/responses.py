"""Response bodies: what POST /api/v1/surveys/{id}/responses accepts and what it returns."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Annotated, Any

from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Schema
from pydantic import (
    AfterValidator,
    AwareDatetime,
    BeforeValidator,
    Field,
    StrictInt,
    StrictStr,
    model_validator,
)

from opennps.api.schemas.common import Attributes, InputSchema, Language
from opennps.api.schemas.filters import ChannelName, NpsClassName
from opennps.responses.models import COMMENT_MAX_LENGTH
from opennps.stats import validate_score

# A caller's clock may run a little ahead of ours; more than this is a mistake.
CLOCK_SKEW = timedelta(minutes=1)


def _whole_score(value: object) -> object:
    # JSON 9.0 is a float: refused, because a float score usually means a unit or parsing bug
    # upstream (an average, a percentage). validate_score words every other refusal.
    if isinstance(value, float) and value.is_integer():
        raise ValueError(
            _("score %(value)s is a decimal number; send the integer %(whole)s")
            % {"value": value, "whole": int(value)}
        )
    return validate_score(value)


Score = Annotated[
    int,
    Field(ge=0, le=10, description="A whole number from 0 to 10 (a JSON integer)."),
    BeforeValidator(_whole_score),
]


def _not_in_future(moment: datetime | None) -> datetime | None:
    if moment is not None and moment > timezone.now() + CLOCK_SKEW:
        raise ValueError(_("created_at is in the future; give the moment the answer was given."))
    return moment


class ContactRefIn(InputSchema):
    """An existing contact of the workspace, by external id or e-mail."""

    external_id: StrictStr | None = Field(None, min_length=1, max_length=200)
    email: StrictStr | None = Field(None, min_length=3, max_length=254)

    @model_validator(mode="after")
    def _one_identifier(self) -> ContactRefIn:
        if not self.external_id and not self.email:
            raise ValueError(_("Give the contact's external_id or email."))
        return self


class ResponseCreateIn(InputSchema):
    score: Score
    comment: StrictStr = Field("", max_length=COMMENT_MAX_LENGTH)
    third_answer: StrictStr = Field("", max_length=COMMENT_MAX_LENGTH)
    answers: dict[str, StrictInt | StrictStr] = Field(
        default_factory=dict, description="Extra questions by key: 1-5 for ratings, else text."
    )
    attributes: Attributes = Field(default_factory=dict)
    language: Language | None = Field(None, description="Defaults to the survey's language.")
    channel: ChannelName = "api"
    contact: ContactRefIn | None = Field(None, description="Refused for eNPS (anonymous).")
    created_at: Annotated[AwareDatetime | None, AfterValidator(_not_in_future)] = Field(
        None, description="When the answer was given, for importing history; default now."
    )


class ContactRefOut(Schema):
    id: int
    external_id: str
    email: str


class ResponseOut(Schema):
    id: int
    survey_id: int
    score: int
    nps_class: NpsClassName = Field(serialization_alias="class")
    comment: str
    third_answer: str
    answers: dict[str, Any]
    channel: str
    language: str
    attributes: dict[str, Any]
    contact: ContactRefOut | None
    version: int
    created_at: datetime
    updated_at: datetime


class ResponseListOut(Schema):
    items: list[ResponseOut]
    next: str | None = Field(description="Cursor of the next page; null on the last page.")
