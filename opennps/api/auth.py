"""API keys in the `X-Api-Key` header, their scopes, and a rate limit per key.

Each endpoint names the scope it needs (`auth=READ`, `auth=WRITE_RESPONSES`, `auth=ADMIN`); a key
with `admin` may do everything. No key or an unknown key is 401; a good key without the scope is
403 naming the scope. After that, `request.auth` is the ApiKey and every query is scoped to
`request.auth.workspace_id`.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django_ratelimit.core import is_ratelimited
from ninja.security import APIKeyHeader

from opennps.accounts.actions.api_keys import api_key_for_secret
from opennps.accounts.models import ApiKey, ApiScope, Workspace
from opennps.api.errors import ApiError

# Generous for integrations, low enough that a runaway loop cannot flood the database.
DEFAULT_RATE_LIMIT = "600/m"
RATE_LIMIT_GROUP = "opennps.api.key"


def rate_limit() -> str:
    """Requests allowed per key, as django-ratelimit reads it ("600/m"); OPENNPS_API_RATE_LIMIT."""
    return getattr(settings, "OPENNPS_API_RATE_LIMIT", DEFAULT_RATE_LIMIT)


class RateLimitedError(ApiError):
    retry_after_seconds = 60

    def __init__(self) -> None:
        super().__init__(
            429,
            _("Too many requests with this API key (limit %(rate)s). Wait a minute and retry.")
            % {"rate": rate_limit()},
        )


class ApiKeyAuth(APIKeyHeader):
    """The key must exist, be live, be within its rate limit and carry `scope`."""

    param_name = "X-Api-Key"

    def __init__(self, scope: str) -> None:
        self.scope = scope
        super().__init__()

    def authenticate(self, request: HttpRequest, key: str | None) -> ApiKey:
        if not key:
            raise ApiError(401, _("Send your API key in the X-Api-Key header."))
        api_key = api_key_for_secret(key.strip())
        if api_key is None:
            raise ApiError(
                401,
                _("This API key is not valid: it may be mistyped or revoked."),
                "header.X-Api-Key",
            )
        if is_ratelimited(
            request,
            group=RATE_LIMIT_GROUP,
            key=lambda group, request: str(api_key.pk),
            rate=rate_limit(),
            increment=True,
        ):
            raise RateLimitedError
        if not api_key.allows(self.scope):
            raise ApiError(
                403,
                _("This API key lacks the %(scope)s scope, which this request needs.")
                % {"scope": self.scope},
            )
        return api_key


READ = ApiKeyAuth(ApiScope.READ.value)
WRITE_RESPONSES = ApiKeyAuth(ApiScope.RESPONSES_WRITE.value)
ADMIN = ApiKeyAuth(ApiScope.ADMIN.value)


def workspace_id(request: HttpRequest) -> int:
    """The id of the workspace of the key that authenticated this request."""
    return request.auth.workspace_id  # type: ignore[attr-defined]


def workspace(request: HttpRequest) -> Workspace:
    """The workspace of the key that authenticated this request (loaded with the key)."""
    return request.auth.workspace  # type: ignore[attr-defined]
