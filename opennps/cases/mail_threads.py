"""Which case an e-mail belongs to: signed Message-IDs and Reply-To plus-addresses.

Every reply sent from a case carries a Message-ID `<case-12-<nonce>-<signature>@host>`; a mail
client answering it names that id in In-Reply-To and References. With
OPENNPS_INBOUND_MAIL_ADDRESS set, Reply-To is also the plus-address `local+case-12-<signature>@domain`.
Both are signed with an HMAC of the case id (keyed by SECRET_KEY), so nobody can make a message
land in a case by guessing its number.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Iterable
from urllib.parse import urlsplit

from django.conf import settings

SIGNATURE_LENGTH = 20  # hex characters: 80 bits, plenty against guessing over a rate-limited door
_MESSAGE_ID = re.compile(r"<case-(\d{1,12})-([0-9a-f]{8,32})-([0-9a-f]{20})@[^<>\s]+>", re.I)
_PLUS_ADDRESS = re.compile(r"\+case-(\d{1,12})-([0-9a-f]{20})@", re.I)


def _signature(text: str) -> str:
    key = f"opennps.cases.mail-threads:{settings.SECRET_KEY}".encode()
    return hmac.new(key, text.encode(), hashlib.sha256).hexdigest()[:SIGNATURE_LENGTH]


def _mail_host() -> str:
    return urlsplit(settings.BASE_URL).hostname or "localhost"


def reply_message_id(case_id: int) -> str:
    """A new, unique Message-ID for one reply of case `case_id`, signed so it cannot be forged."""
    nonce = secrets.token_hex(8)
    signature = _signature(f"{case_id}.{nonce}")
    return f"<case-{case_id}-{nonce}-{signature}@{_mail_host()}>"


def reply_to_address(case_id: int) -> str:
    """The plus-address of case `case_id` at OPENNPS_INBOUND_MAIL_ADDRESS; "" when that is unset."""
    address = settings.OPENNPS_INBOUND_MAIL_ADDRESS.strip()
    local, at, domain = address.rpartition("@")
    if not at or not local or not domain:
        return ""
    local = local.split("+", 1)[0]
    return f"{local}+case-{case_id}-{_signature(f'{case_id}.reply-to')}@{domain}"


def case_ids_from_message_ids(header_values: Iterable[str]) -> list[int]:
    """Case ids named by correctly signed Message-IDs in these In-Reply-To/References values,
    most recent reference first (References lists the oldest first)."""
    found: list[int] = []
    for value in header_values:
        for match in reversed(list(_MESSAGE_ID.finditer(value or ""))):
            case_id, nonce, signature = match.group(1), match.group(2), match.group(3)
            expected = _signature(f"{int(case_id)}.{nonce.lower()}")
            if hmac.compare_digest(expected, signature.lower()) and int(case_id) not in found:
                found.append(int(case_id))
    return found


def case_ids_from_addresses(addresses: Iterable[str]) -> list[int]:
    """Case ids named by correctly signed plus-addresses among these recipient headers."""
    found: list[int] = []
    for value in addresses:
        for match in _PLUS_ADDRESS.finditer(value or ""):
            case_id = int(match.group(1))
            expected = _signature(f"{case_id}.reply-to")
            if hmac.compare_digest(expected, match.group(2).lower()) and case_id not in found:
                found.append(case_id)
    return found
