"""Creating, updating and forgetting contacts.

A contact is found by its external id, else by its e-mail address (compared in lower case), so
a CRM can push the same record again and again without creating duplicates.

Deleting a contact also erases the personal data of its responses: the comment, the third answer,
the extra answers and the attribute snapshot are blanked and the response is unlinked from the
contact and its invitation. The score, class, channel, language, survey version and dates stay, so
every NPS figure already reported (and every rollup) is unchanged, yet no row can be traced back to
the person any more.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from opennps.accounts.models import Workspace
from opennps.analytics.rollups import apply_change, facts_of, segment_keys
from opennps.contacts.models import Contact
from opennps.responses.models import Response

# Fields an upsert may set besides the two identifiers.
CONTACT_FIELDS = ("phone", "name", "language", "time_zone", "attributes")


class ContactError(ValueError):
    """Input that cannot be applied; `field` names it, `conflict` is True for a clash with
    another contact (HTTP 409) rather than bad input (HTTP 422)."""

    def __init__(self, field: str, message: str, *, conflict: bool = False) -> None:
        super().__init__(message)
        self.field = field
        self.message = message
        self.conflict = conflict


def normalise_email(email: str) -> str:
    return email.strip().lower()


def find_contact(workspace: Workspace, *, external_id: str = "", email: str = "") -> Contact | None:
    """The workspace's contact with this external id, else with this e-mail; None if neither."""
    contacts = Contact.objects.filter(workspace=workspace)
    external_id, email = external_id.strip(), normalise_email(email)
    if external_id:
        contact = contacts.filter(external_id=external_id).first()
        if contact is not None:
            return contact
    if email:
        return contacts.filter(email=email).first()
    return None


def upsert_contact(
    workspace: Workspace,
    *,
    external_id: str = "",
    email: str = "",
    fields: Mapping[str, Any] | None = None,
) -> tuple[Contact, bool]:
    """The contact with these identifiers, created or updated; True when it was created.

    Fields given in `fields` (any of CONTACT_FIELDS) replace the stored ones; others are kept.
    `attributes` is replaced as a whole. Raises ContactError for a missing identifier, invalid
    values, or identifiers that belong to two different contacts.
    """
    external_id, email = external_id.strip(), normalise_email(email)
    if not external_id and not email:
        raise ContactError(
            "external_id", _("Give an external_id or an email to identify the contact.")
        )
    try:
        return _upsert(workspace, external_id, email, dict(fields or {}))
    except IntegrityError:
        # Two requests created the same contact at once; the loser now finds the winner's row.
        return _upsert(workspace, external_id, email, dict(fields or {}))


@transaction.atomic
def _upsert(
    workspace: Workspace, external_id: str, email: str, fields: dict[str, Any]
) -> tuple[Contact, bool]:
    unknown = sorted(set(fields) - set(CONTACT_FIELDS))
    if unknown:
        raise ContactError(unknown[0], _("This field cannot be set on a contact."))
    contacts = Contact.objects.select_for_update().filter(workspace=workspace)
    contact = contacts.filter(external_id=external_id).first() if external_id else None
    if contact is None and email:
        contact = contacts.filter(email=email).first()
        if contact is not None and external_id and contact.external_id:
            raise ContactError(
                "email",
                _(
                    "The e-mail %(email)s belongs to the contact with external_id "
                    "%(theirs)s, not %(yours)s."
                )
                % {
                    "email": email,
                    "theirs": repr(contact.external_id),
                    "yours": repr(external_id),
                },
                conflict=True,
            )
    created = contact is None
    if contact is None:
        contact = Contact(workspace=workspace)
    if external_id:
        contact.external_id = external_id
    if email and email != contact.email:
        if contacts.filter(email=email).exclude(pk=contact.pk).exists():
            raise ContactError(
                "email",
                _("Another contact already has the e-mail %(email)s.") % {"email": email},
                conflict=True,
            )
        contact.email = email
    for name, value in fields.items():
        setattr(contact, name, value)
    try:
        contact.full_clean(exclude=["workspace"], validate_constraints=False)
    except ValidationError as error:
        field, messages = next(iter(error.message_dict.items()))
        raise ContactError(field, " ".join(messages)) from error
    with transaction.atomic():
        contact.save()
    return contact, created


@transaction.atomic
def delete_contact(contact: Contact) -> int:
    """Delete the contact and its invitations, and erase its responses' personal data.

    Returns how many responses were anonymised (they stay, with their scores). Their attributes go
    too, so the segment rollups move those answers out of their segments in the same transaction.
    """
    responses = list(Response.objects.select_for_update().filter(contact=contact))
    keys = segment_keys(contact.workspace_id)
    before = [facts_of(response, keys) for response in responses]
    Response.objects.filter(pk__in=[response.pk for response in responses]).update(
        contact=None,
        invitation=None,
        comment="",
        third_answer="",
        answers={},
        attributes={},
        respondent_key="",
        updated_at=timezone.now(),
    )
    for response, facts in zip(responses, before, strict=True):
        response.attributes = {}
        apply_change(facts, facts_of(response, keys))
    contact.delete()
    return len(responses)
