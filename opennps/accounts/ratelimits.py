"""Sign-in throttling: a short window per IP and per e-mail, then a lock that grows with failures.

Rates come from settings so a deployment (or a test) can tune them without code:
OPENNPS_LOGIN_RATE_PER_IP (default "10/m") and OPENNPS_LOGIN_RATE_PER_EMAIL (default "5/m").
Counters live in the default cache, a database table shared by every web machine.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django_ratelimit.core import is_ratelimited

from opennps.accounts.models import hash_secret

# After this many failed sign-ins for one e-mail (within a day) the e-mail is locked for a while,
# and every further failure doubles the lock, up to a day.
FAILURES_BEFORE_LOCK = 10
FIRST_LOCK_SECONDS = 15 * 60
LONGEST_LOCK_SECONDS = 24 * 60 * 60
FAILURE_MEMORY_SECONDS = 24 * 60 * 60


@dataclass(frozen=True)
class Throttle:
    """Why a sign-in attempt was refused before its password was checked."""

    locked: bool  # the escalating lock, not the short rate window
    retry_after_seconds: int

    @property
    def retry_after_minutes(self) -> int:
        return max(1, math.ceil(self.retry_after_seconds / 60))


def normalised_email(request: HttpRequest) -> str:
    # Django's AuthenticationForm names the e-mail field "username".
    return request.POST.get("username", "").strip().lower()[:254]


def _email_key(group: str, request: HttpRequest) -> str:
    return hash_secret(normalised_email(request))


def _cache_key(kind: str, email: str) -> str:
    return f"login-{kind}:{hash_secret(email)}"


def check_login_throttle(request: HttpRequest) -> Throttle | None:
    """Count this attempt and say whether it must be refused; None lets it through.

    Both windows are counted on every attempt (no short-circuit), so a burst cannot slip past one
    limit while the other is already refusing.
    """
    email = normalised_email(request)
    locked_until = cache.get(_cache_key("lock", email))
    if locked_until is not None and locked_until > time.time():
        return Throttle(locked=True, retry_after_seconds=int(locked_until - time.time()) + 1)
    by_ip = is_ratelimited(
        request,
        group="accounts.login.ip",
        key="ip",
        rate=getattr(settings, "OPENNPS_LOGIN_RATE_PER_IP", "10/m"),
        method="POST",
        increment=True,
    )
    by_email = is_ratelimited(
        request,
        group="accounts.login.email",
        key=_email_key,
        rate=getattr(settings, "OPENNPS_LOGIN_RATE_PER_EMAIL", "5/m"),
        method="POST",
        increment=True,
    )
    if by_ip or by_email:
        return Throttle(locked=False, retry_after_seconds=60)
    return None


def record_failed_login(email: str) -> None:
    key = _cache_key("failures", email)
    if cache.add(key, 1, FAILURE_MEMORY_SECONDS):
        failures = 1
    else:
        try:
            failures = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, FAILURE_MEMORY_SECONDS)
            failures = 1
    if failures >= FAILURES_BEFORE_LOCK:
        doublings = failures - FAILURES_BEFORE_LOCK
        seconds = min(FIRST_LOCK_SECONDS * 2 ** min(doublings, 16), LONGEST_LOCK_SECONDS)
        cache.set(_cache_key("lock", email), time.time() + seconds, seconds)


def clear_failed_logins(email: str) -> None:
    cache.delete_many([_cache_key("failures", email), _cache_key("lock", email)])
