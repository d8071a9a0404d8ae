"""Consent, unsubscribe and do-not-contact: the rules every channel checks before it sends.

Each change is a single UPDATE of the contact's row, so a consent decision arriving from a web hook
while an import runs is never overwritten by the import (imports do not touch these fields).
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from opennps.contacts.actions import ContactError
from opennps.contacts.models import CONSENT_CHANNELS, Contact


def _check_channel(channel: str) -> None:
    if channel not in CONSENT_CHANNELS:
        raise ContactError(
            "channel",
            _("Unknown channel %(channel)s; use one of %(channels)s.")
            % {"channel": repr(channel), "channels": ", ".join(CONSENT_CHANNELS)},
        )


@transaction.atomic
def _locked(contact: Contact) -> Contact:
    return Contact.objects.select_for_update().get(pk=contact.pk)


def set_consent(
    contact: Contact, channel: str, granted: bool, *, at: datetime | None = None
) -> Contact:
    """Record the contact's consent decision on `channel`. Granting consent again also lifts an
    earlier unsubscribe from that channel (the person asked to hear from us)."""
    _check_channel(channel)
    moment = (at or timezone.now()).isoformat()
    with transaction.atomic():
        row = _locked(contact)
        row.consent = {**row.consent, channel: {"granted": granted, "at": moment}}
        if granted:
            row.unsubscribed = {k: v for k, v in row.unsubscribed.items() if k != channel}
        row.save(update_fields=["consent", "unsubscribed", "updated_at"])
    contact.consent, contact.unsubscribed = row.consent, row.unsubscribed
    return contact


def unsubscribe(contact: Contact, channel: str, *, at: datetime | None = None) -> Contact:
    """Stop invitations on `channel`; the first unsubscribe time is kept when it is repeated."""
    _check_channel(channel)
    with transaction.atomic():
        row = _locked(contact)
        if channel not in row.unsubscribed:
            moment = (at or timezone.now()).isoformat()
            row.unsubscribed = {**row.unsubscribed, channel: moment}
            row.save(update_fields=["unsubscribed", "updated_at"])
    contact.unsubscribed = row.unsubscribed
    return contact


def set_do_not_contact(contact: Contact, flag: bool) -> Contact:
    """Mark (or unmark) the contact as never to be invited on any channel."""
    moment = timezone.now() if flag else None
    Contact.objects.filter(pk=contact.pk).update(
        do_not_contact=flag, do_not_contact_at=moment, updated_at=timezone.now()
    )
    contact.do_not_contact, contact.do_not_contact_at = flag, moment
    return contact
