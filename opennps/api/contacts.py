"""/api/v1/contacts: upsert, read and delete (which erases their responses' personal data)."""

from __future__ import annotations

from zoneinfo import available_timezones

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Status

from opennps.api.auth import ADMIN, READ, workspace, workspace_id
from opennps.api.errors import ApiError
from opennps.api.schemas.contacts import ContactDeletedOut, ContactIn, ContactOut
from opennps.contacts.actions import ContactError, delete_contact, upsert_contact
from opennps.contacts.models import Contact

router = Router(tags=["contacts"])


def contact_or_404(request: HttpRequest, contact_id: int) -> Contact:
    contact = Contact.objects.filter(workspace_id=workspace_id(request), pk=contact_id).first()
    if contact is None:
        raise Http404
    return contact


@router.post(
    "",
    response={200: ContactOut, 201: ContactOut},
    auth=ADMIN,
    summary="Create or update a contact",
)
def upsert(request: HttpRequest, payload: ContactIn) -> Status:
    """Find the contact by `external_id`, else by `email` (lower-cased), and create or update it:
    201 when created, 200 when updated. Needs the `admin` scope."""
    fields = payload.model_dump(exclude_unset=True, exclude={"external_id", "email"})
    for name, value in fields.items():
        if value is None:
            raise ApiError(
                422, _("Must not be null; leave the field out to keep it."), f"body.{name}"
            )
    if fields.get("time_zone") and fields["time_zone"] not in available_timezones():
        raise ApiError(
            422, _("Not a time zone; use an IANA name such as Europe/Sofia."), "body.time_zone"
        )
    try:
        contact, created = upsert_contact(
            workspace(request),
            external_id=payload.external_id or "",
            email=payload.email or "",
            fields=fields,
        )
    except ContactError as error:
        raise ApiError(
            409 if error.conflict else 422, error.message, f"body.{error.field}"
        ) from error
    return Status(201 if created else 200, contact)


@router.get("/{int:contact_id}", response=ContactOut, auth=READ, summary="Read a contact")
def read(request: HttpRequest, contact_id: int) -> Contact:
    return contact_or_404(request, contact_id)


@router.delete(
    "/{int:contact_id}", response=ContactDeletedOut, auth=ADMIN, summary="Delete a contact"
)
def delete(request: HttpRequest, contact_id: int) -> dict[str, object]:
    """Delete the contact and its invitations, and erase the personal data of its responses:
    comment, third answer, extra answers and attributes are blanked and the link to the contact
    removed. Scores stay, so reported figures do not change. Needs the `admin` scope."""
    anonymised = delete_contact(contact_or_404(request, contact_id))
    return {"deleted": True, "responses_anonymised": anonymised}
