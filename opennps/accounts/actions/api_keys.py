"""Issuing, checking and revoking API keys."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils import timezone

from opennps.accounts.models import API_KEY_PREFIX, ApiKey, ApiScope, User, Workspace, hash_secret

VALID_SCOPES = tuple(scope.value for scope in ApiScope)


class InvalidScopeError(ValueError):
    pass


def parse_scopes(scopes: Iterable[str]) -> list[str]:
    """Validated, de-duplicated scopes in a stable order; an unknown scope names the valid ones."""
    cleaned = [scope.strip() for scope in scopes if scope.strip()]
    unknown = sorted(set(cleaned) - set(VALID_SCOPES))
    if unknown:
        raise InvalidScopeError(
            f"Unknown scope {', '.join(unknown)}; valid scopes are {', '.join(VALID_SCOPES)}."
        )
    if not cleaned:
        raise InvalidScopeError(f"Give at least one scope of {', '.join(VALID_SCOPES)}.")
    return [scope for scope in VALID_SCOPES if scope in cleaned]


def create_api_key(
    workspace: Workspace, scopes: Iterable[str], name: str = "", created_by: User | None = None
) -> tuple[ApiKey, str]:
    """The new key and its secret. The secret is returned only here and never stored."""
    secret = ApiKey.generate_secret()
    key = ApiKey.objects.create(
        workspace=workspace,
        name=name,
        key_hash=hash_secret(secret),
        hint=secret[: len(API_KEY_PREFIX) + 4],
        scopes=parse_scopes(scopes),
        created_by=created_by,
    )
    return key, secret


def api_key_for_secret(secret: str) -> ApiKey | None:
    """The live key with this secret, or None; records when it was last used.

    The key's workspace is read when first used (`key.workspace`): most API requests need only
    its id. Every API request runs this lookup, so it is plain SQL; the ORM took longer to build
    the statement than the database to answer it.
    """
    if not secret.startswith(API_KEY_PREFIX) or len(secret) > 200:
        return None
    # The table name comes from the model; the hash travels as a parameter.
    sql = f"SELECT * FROM {ApiKey._meta.db_table} WHERE key_hash = %s AND revoked_at IS NULL"  # noqa: S608
    found = list(ApiKey.objects.raw(sql, [hash_secret(secret)]))
    key = found[0] if found else None
    if key is not None:
        now = timezone.now()
        # One write a minute at most: a busy integration must not turn every read into a write.
        if key.last_used_at is None or (now - key.last_used_at).total_seconds() > 60:
            ApiKey.objects.filter(pk=key.pk).update(last_used_at=now)
    return key


def revoke_api_key(key: ApiKey) -> None:
    ApiKey.objects.filter(pk=key.pk, revoked_at__isnull=True).update(revoked_at=timezone.now())
