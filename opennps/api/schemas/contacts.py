"""Contact bodies: POST /api/v1/contacts (upsert) and what contact endpoints return."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from ninja import Schema
from pydantic import AfterValidator, Field, StrictStr, model_validator

from opennps.api.schemas.common import Attributes, InputSchema, Language


def _email_address(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        validate_email(value.strip())
    except ValidationError:
        raise ValueError(
            _("%(value)s is not an e-mail address.") % {"value": repr(value)}
        ) from None
    return value.strip().lower()


Email = Annotated[StrictStr, Field(max_length=254), AfterValidator(_email_address)]


class ContactIn(InputSchema):
    """Identify the contact by `external_id`, else `email` (at least one). Fields left out keep
    their stored values; `attributes`, when sent, replaces the stored attributes."""

    external_id: StrictStr | None = Field(None, min_length=1, max_length=200)
    email: Email | None = None
    phone: StrictStr | None = Field(None, max_length=32)
    name: StrictStr | None = Field(None, max_length=200)
    language: Language | None = None
    time_zone: StrictStr | None = Field(None, max_length=64)
    attributes: Attributes | None = None

    @model_validator(mode="after")
    def _identified(self) -> ContactIn:
        if not (self.external_id or "").strip() and not self.email:
            raise ValueError(_("Give an external_id or an email to identify the contact."))
        return self


class ContactOut(Schema):
    id: int
    external_id: str
    email: str
    phone: str
    name: str
    language: str
    time_zone: str
    attributes: dict[str, Any]
    created_at: datetime
    updated_at: datetime


class ContactDeletedOut(Schema):
    deleted: bool
    responses_anonymised: int = Field(
        description="Responses whose comments, answers and attributes were erased (scores kept)."
    )
