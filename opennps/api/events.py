"""/api/v1/events: an event about a contact, which trigger rules may turn into an invitation."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Header, Router, Schema, Status
from pydantic import Field, StrictStr

from opennps.api.auth import WRITE_RESPONSES, workspace
from opennps.api.errors import ApiError
from opennps.api.idempotency import fingerprint
from opennps.api.schemas.common import Attributes, InputSchema
from opennps.distribution.models import Event
from opennps.distribution.triggers import TriggerError, find_contact, record_event

router = Router(tags=["events"])

IDEMPOTENT_REPLAYED_HEADER = "Idempotent-Replayed"


class EventIn(InputSchema):
    """`contact` is the contact's external id or e-mail address; the contact must exist
    (create it first with POST /api/v1/contacts)."""

    contact: StrictStr = Field(min_length=1, max_length=254)
    event: StrictStr = Field(min_length=1, max_length=100, pattern=r"^[A-Za-z0-9_.:\-]+$")
    properties: Attributes = Field(default_factory=dict)
    occurred_at: datetime | None = None


class EventOut(Schema):
    id: int
    event: str
    contact_id: int | None
    occurred_at: datetime
    received_at: datetime
    outcomes: list[dict[str, Any]]


def event_json(event: Event) -> dict[str, Any]:
    return {
        "id": event.pk,
        "event": event.name,
        "contact_id": event.contact_id,
        "occurred_at": event.occurred_at,
        "received_at": event.received_at,
        "outcomes": event.outcomes,
    }


@router.post("", response={201: EventOut}, auth=WRITE_RESPONSES, summary="Record an event")
def create(
    request: HttpRequest,
    response: HttpResponse,
    payload: EventIn,
    idempotency_key: str | None = Header(
        None,
        alias="Idempotency-Key",
        description="Any unique string up to 200 characters; a retry with it replays the result.",
        max_length=200,
    ),
) -> Status:
    """Store the event and apply the workspace's active trigger rules for its name. Each rule's
    outcome is returned (`scheduled` with the invitation id and due time, or why not). Needs
    `responses:write`. An unknown contact is a 422 on `body.contact`."""
    contact = find_contact(workspace(request), payload.contact)
    if contact is None:
        raise ApiError(
            422,
            _("No contact has this external id or e-mail; create it with POST /api/v1/contacts."),
            "body.contact",
        )
    occurred_at = payload.occurred_at
    if occurred_at is not None and occurred_at.tzinfo is None:
        occurred_at = occurred_at.replace(tzinfo=UTC)  # documented: a time without zone is UTC
    try:
        event, replayed = record_event(
            workspace(request),
            contact,
            payload.event,
            dict(payload.properties),
            occurred_at,
            idempotency_key=idempotency_key or "",
            fingerprint=fingerprint(payload.model_dump(mode="json")),
        )
    except TriggerError as error:
        raise ApiError(422, error.message, error.field) from error
    if replayed:
        response[IDEMPOTENT_REPLAYED_HEADER] = "true"
    return Status(201, event_json(event))
