"""Link tokens of queued messages, message ids and unsubscribe tokens.

The raw token of a personal link is never stored. A campaign invitation keeps a random seed; the
token is HMAC(SECRET_KEY, seed), so a retry rebuilds the very same link (and message) while a copy
of the database alone opens nothing. The seed is cleared once no further message needs the link
(after the reminder, or when none will be sent), leaving only the token's hash.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from email.utils import parseaddr
from functools import lru_cache

from django.conf import settings
from django.core import signing

from opennps.accounts.models import hash_secret

UNSUBSCRIBE_SALT = "opennps.distribution.unsubscribe"


def new_seed() -> str:
    return secrets.token_hex(16)


@lru_cache(maxsize=16)
def _key(purpose: str, secret: str) -> bytes:
    return hashlib.sha256(f"opennps.distribution.{purpose}:{secret}".encode()).digest()


def _mac(purpose: str, value: str) -> bytes:
    return hmac.digest(_key(purpose, settings.SECRET_KEY), value.encode(), "sha256")


def token_from_seed(seed: str) -> str:
    """The personal-link token for a seed: 32 URL-safe characters (192 bits)."""
    return base64.urlsafe_b64encode(_mac("token", seed)[:24]).decode()


def token_hash_from_seed(seed: str) -> str:
    return hash_secret(token_from_seed(seed))


def message_id(invitation_id: int, kind: str) -> str:
    """The same Message-ID on every attempt, so a receiving server can drop a repeated copy."""
    domain = _domain(settings.DEFAULT_FROM_EMAIL)
    tag = _mac("message-id", f"{invitation_id}:{kind}")[:8].hex()
    return f"<{kind}.{invitation_id}.{tag}@{domain}>"


@lru_cache(maxsize=16)
def _domain(from_email: str) -> str:
    return parseaddr(from_email)[1].rpartition("@")[2] or "opennps.invalid"


@lru_cache(maxsize=4)
def _unsubscribe_signer(secret: str) -> signing.Signer:
    # A campaign signs one token per message; building the signer each time cost more than signing.
    return signing.Signer(key=secret, salt=UNSUBSCRIBE_SALT)


def unsubscribe_token(contact_id: int) -> str:
    return _unsubscribe_signer(settings.SECRET_KEY).sign(str(contact_id))


def contact_id_from_unsubscribe_token(token: str) -> int | None:
    try:
        return int(signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token))
    except (signing.BadSignature, ValueError):
        return None
