"""Phone interviews typed in by call-centre staff: the contact, the score, the answers, who asked.

An interview is an ask like any other, so it takes the contact's slot in the throttling ledger
(an Invitation with channel "phone", answered at once): nobody gets an e-mail survey a week after
they answered on the phone.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext

from opennps.accounts.models import Workspace
from opennps.contacts.actions import ContactError, upsert_contact
from opennps.contacts.models import Contact
from opennps.distribution.models import Channel, Invitation, create_invitation
from opennps.responses.actions import Answer, create_response
from opennps.responses.models import Response
from opennps.surveys.models import Survey

SEARCH_RESULTS = 20


def search_contacts(workspace: Workspace, query: str) -> QuerySet[Contact]:
    """The workspace's contacts whose e-mail, phone, name or external id contain `query`."""
    query = query.strip()
    if not query:
        return Contact.objects.none()
    digits = "".join(character for character in query if character.isdigit())
    match = Q(email__icontains=query) | Q(name__icontains=query) | Q(external_id__iexact=query)
    if len(digits) >= 4:  # phone numbers are typed with spaces, dashes and brackets
        match |= Q(phone__contains=digits)
    match |= Q(phone__icontains=query)
    return (
        Contact.objects.filter(workspace=workspace)
        .filter(match)
        .order_by("name", "email")[:SEARCH_RESULTS]
    )


def contact_from_entry(workspace: Workspace, fields: dict[str, str]) -> Contact:
    """The contact the interviewer typed in: found or created by external id, e-mail, else phone.

    Raises ContactError naming the field when the details clash or none identifies anyone.
    """
    external_id, email = fields.get("external_id", ""), fields.get("email", "")
    phone, name = fields.get("phone", "").strip(), fields.get("name", "").strip()
    extra = {key: value for key, value in (("phone", phone), ("name", name)) if value}
    if external_id or email:
        contact, _created = upsert_contact(
            workspace, external_id=external_id, email=email, fields=extra
        )
        return contact
    if not phone:
        raise ContactError("phone", gettext("Give an e-mail, a phone number or an external id."))
    existing = Contact.objects.filter(workspace=workspace, phone=phone).first()
    if existing is not None:
        return existing
    return Contact.objects.create(workspace=workspace, phone=phone, name=name)


@transaction.atomic
def record_phone_interview(
    survey: Survey,
    contact: Contact,
    *,
    score: int,
    interviewer: Any,
    comment: str = "",
    third_answer: str = "",
) -> Response:
    """Store the interview as a response on channel "phone" with the interviewer recorded."""
    invitation, _token = create_invitation(survey, contact, Channel.PHONE)
    Invitation.objects.filter(pk=invitation.pk).update(asked_at=timezone.now())
    return create_response(
        survey,
        Answer(
            score=score,
            channel=Channel.PHONE,
            language=contact.language,
            comment=comment,
            third_answer=third_answer,
        ),
        contact=contact,
        invitation=invitation,
        interviewer=interviewer,
    )
