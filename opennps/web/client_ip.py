"""The visitor's address for rate limits, tolerant of whatever a proxy header contains.

A missing or malformed header must never turn a public page into an error: fall back to the
connection's address.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def _valid(candidate: str) -> str | None:
    try:
        return str(ipaddress.ip_address(candidate.strip()))
    except ValueError:
        return None


def client_ip(request: HttpRequest) -> str:
    header = getattr(settings, "OPENNPS_CLIENT_IP_HEADER", "")
    if header:
        # X-Forwarded-For lists client, proxy1, proxy2: the first entry is the client.
        for candidate in request.META.get(header, "").split(",")[:1]:
            if address := _valid(candidate):
                return address
    return _valid(request.META.get("REMOTE_ADDR", "")) or "0.0.0.0"  # noqa: S104 (a key, not a bind)
