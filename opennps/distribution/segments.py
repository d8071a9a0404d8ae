"""Segments: which contacts of a workspace a campaign asks.

Stored as JSON `{"attributes": {name: value}, "languages": [code, ...]}`. On the command line:
`attr=value[,attr=value]`; `language=ru` (several: `language=ru|kk`). Every condition must hold.
"""

from __future__ import annotations

import re
from typing import Any

from django.db.models import Q, QuerySet

from opennps.accounts.models import Workspace
from opennps.contacts.models import Contact

NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]{0,99}$")


class SegmentError(ValueError):
    """A segment filter that cannot be understood; the message names the part."""


def parse_segment(text: str) -> dict[str, Any]:
    segment: dict[str, Any] = {"attributes": {}, "languages": []}
    for part in (text or "").split(","):
        part = part.strip()
        if not part:
            continue
        name, equals, value = part.partition("=")
        name, value = name.strip(), value.strip()
        if not equals or not name:
            raise SegmentError(f"segment part {part!r} is not name=value")
        if not NAME.match(name):
            raise SegmentError(f"segment attribute {name!r} is not a valid name")
        if name == "language":
            segment["languages"] += [code.strip() for code in value.split("|") if code.strip()]
        else:
            segment["attributes"][name] = value
    return segment


def _equals(name: str, value: object) -> Q:
    """An attribute equal to the value; "42" also matches the number 42 (imports type numbers)."""
    condition = Q(**{f"attributes__{name}": value})
    if isinstance(value, str):
        try:
            number = float(value) if "." in value else int(value)
        except ValueError:
            return condition
        condition |= Q(**{f"attributes__{name}": number})
    return condition


def segment_contacts(workspace: Workspace, segment: dict[str, Any]) -> QuerySet[Contact]:
    contacts = Contact.objects.filter(workspace=workspace)
    for name, value in (segment.get("attributes") or {}).items():
        contacts = contacts.filter(_equals(name, value))
    if segment.get("languages"):
        contacts = contacts.filter(language__in=segment["languages"])
    return contacts


def reachable_by_email(contacts: QuerySet[Contact]) -> QuerySet[Contact]:
    """Contacts with an address who have not unsubscribed, withdrawn consent or opted out."""
    return (
        contacts.exclude(email="")
        .exclude(do_not_contact=True)
        .exclude(unsubscribed__has_key="email")
        # Written as a filter: SQLite's NULL for a missing key would make an exclude() drop
        # every contact who never gave a consent decision.
        .filter(Q(consent__email__isnull=True) | Q(consent__email__granted=True))
    )


def reachable_by_sms(contacts: QuerySet[Contact]) -> QuerySet[Contact]:
    """Contacts with a phone number who may receive SMS (as reachable_by_email for e-mail)."""
    return (
        contacts.exclude(phone="")
        .exclude(do_not_contact=True)
        .exclude(unsubscribed__has_key="sms")
        .filter(Q(consent__sms__isnull=True) | Q(consent__sms__granted=True))
    )


def reachable_by(channel: str, contacts: QuerySet[Contact]) -> QuerySet[Contact]:
    return reachable_by_sms(contacts) if channel == "sms" else reachable_by_email(contacts)
