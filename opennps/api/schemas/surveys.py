"""Survey bodies: what POST/PATCH /api/v1/surveys accept and what every survey endpoint returns."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from ninja import Schema
from pydantic import Field, StrictBool, StrictStr

from opennps.api.schemas.common import AttributeNames, InputSchema, Language

SurveyKindName = Literal["customer", "employee"]
SurveyStatusName = Literal["draft", "active", "paused", "closed"]


class SurveyTextsIn(InputSchema):
    """A team's own wording in one language; "" puts the shipped default back."""

    question: StrictStr | None = Field(None, max_length=500)
    label_low: StrictStr | None = Field(None, max_length=100)
    label_high: StrictStr | None = Field(None, max_length=100)
    followup_detractor: StrictStr | None = Field(None, max_length=500)
    followup_passive: StrictStr | None = Field(None, max_length=500)
    followup_promoter: StrictStr | None = Field(None, max_length=500)
    third_question: StrictStr | None = Field(None, max_length=500)
    thanks_detractor: StrictStr | None = Field(None, max_length=500)
    thanks_passive: StrictStr | None = Field(None, max_length=500)
    thanks_promoter: StrictStr | None = Field(None, max_length=500)
    cta_label: StrictStr | None = Field(None, max_length=100)


class SurveyFieldsIn(InputSchema):
    """Everything both creating and editing may set."""

    status: SurveyStatusName | None = None
    default_language: Language | None = None
    languages: list[Language] | None = Field(None, max_length=10)
    texts: dict[Language, SurveyTextsIn] | None = None
    hidden_attributes: AttributeNames | None = None
    ask_third_question: StrictBool | None = None
    promoter_cta_url: StrictStr | None = Field(None, max_length=200)
    accent_colour: StrictStr | None = Field(None, max_length=7)


class SurveyCreateIn(SurveyFieldsIn):
    name: StrictStr = Field(min_length=1, max_length=200)
    kind: SurveyKindName = "customer"
    brand: StrictStr = Field(min_length=1, max_length=200)


class SurveyUpdateIn(SurveyFieldsIn):
    """Only the fields sent are changed. `kind` may be repeated but never changed."""

    name: StrictStr | None = Field(None, min_length=1, max_length=200)
    kind: SurveyKindName | None = None
    brand: StrictStr | None = Field(None, min_length=1, max_length=200)


class SurveyOut(Schema):
    id: int
    public_id: str
    url: str = Field(description="The open link respondents answer at.")
    name: str
    kind: SurveyKindName
    status: SurveyStatusName
    brand: str
    default_language: str
    languages: list[str]
    texts: dict[str, dict[str, str]] = Field(
        description="The team's own wording per language; a text not listed is the default."
    )
    hidden_attributes: list[str]
    ask_third_question: bool
    promoter_cta_url: str
    accent_colour: str
    version: int | None = Field(description="The number of the version respondents see now.")
    created_at: datetime
    updated_at: datetime


class SurveyListOut(Schema):
    items: list[SurveyOut]


class SummaryOut(Schema):
    """The same keys as `opennps analyze --format json` headline."""

    n: int
    promoters: int
    passives: int
    detractors: int
    nps: float | None
    ci_low: float | None
    ci_high: float | None
    confidence: float
    method: str
