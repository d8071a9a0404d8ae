"""Alert rule bodies: what POST /api/v1/alert-rules accepts and what the alert endpoints return."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal, TypeVar

from ninja import Schema
from pydantic import BeforeValidator, Field, StrictBool, StrictFloat, StrictInt, StrictStr

from opennps.api.schemas.common import InputSchema

NpsClassName = Literal["detractor", "passive", "promoter"]
AlertModeName = Literal["immediate", "digest"]


def _listed(value: object) -> object:
    return value if value is None or isinstance(value, list) else [value]


T = TypeVar("T")
# A single value or a list; either way a list after parsing, so errors name the field itself.
OneOrMany = Annotated[list[T], BeforeValidator(_listed)]


class AlertConditionsIn(InputSchema):
    """Every condition given must hold; none given matches every answer."""

    nps_class: OneOrMany[StrictStr] | None = Field(
        None,
        alias="class",
        description="detractor, passive or promoter, or a list of them.",
        json_schema_extra={"examples": ["detractor", ["detractor", "passive"]]},
    )
    score_min: StrictInt | None = Field(None, ge=0, le=10)
    score_max: StrictInt | None = Field(None, ge=0, le=10)
    survey: OneOrMany[StrictInt] | None = Field(None, description="A survey id or a list of them.")
    attributes: dict[str, StrictStr | StrictInt | StrictFloat] | None = Field(
        None, description="Segment attributes that must equal these values."
    )
    words: list[StrictStr] | None = Field(
        None, max_length=50, description="Any of these words in the comment (case-insensitive)."
    )
    drivers: OneOrMany[StrictStr] | None = Field(
        None,
        max_length=50,
        description=(
            "Any of these driver keys (e.g. price, delivery) in the comment's analysis. Decided "
            "when the worker has analysed the comment, so the alert follows the analysis."
        ),
        json_schema_extra={"examples": [["price"]]},
    )
    themes: OneOrMany[StrictInt] | None = Field(
        None,
        max_length=50,
        description=(
            "Ids of this workspace's watched themes (GET /api/v1/watched-themes), any of them: "
            "the comment is about the theme's driver and as similar to it as its own comments. "
            "Decided when the worker has analysed the comment."
        ),
        json_schema_extra={"examples": [[4]]},
    )


class EmailActionIn(InputSchema):
    to: list[StrictStr] = Field(
        default_factory=list, max_length=50, description="E-mail addresses of workspace members."
    )
    account_owner: StrictBool = Field(
        False,
        description=(
            "Also e-mail the answering contact's account owner: the member whose e-mail is in "
            "the account's owner, account_owner or owner_email attribute."
        ),
    )


class WebhookActionIn(InputSchema):
    url: StrictStr = Field(max_length=500)
    secret: StrictStr = Field(min_length=16, max_length=200)


class ChatActionIn(InputSchema):
    url: StrictStr = Field(max_length=500, description="A Slack or Teams incoming-webhook URL.")


class AlertActionsIn(InputSchema):
    email: EmailActionIn | None = None
    webhook: WebhookActionIn | None = None
    chat: ChatActionIn | None = None


class AlertRuleIn(InputSchema):
    name: StrictStr = Field(min_length=1, max_length=200)
    enabled: StrictBool = True
    mode: AlertModeName = "immediate"
    conditions: AlertConditionsIn = Field(default_factory=AlertConditionsIn)
    actions: AlertActionsIn


class AlertRuleOut(Schema):
    id: int
    name: str
    enabled: bool
    mode: AlertModeName
    conditions: dict[str, Any]
    actions: dict[str, Any] = Field(
        description="email.to (and email.account_owner when true), webhook.url (the secret is never shown again) and chat.url."
    )
    created_at: datetime
    updated_at: datetime


class AlertRuleListOut(Schema):
    items: list[AlertRuleOut]
