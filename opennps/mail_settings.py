"""Outgoing mail from one URL: `OPENNPS_SMTP_URL=smtp://user:pass@host:port?starttls=1`.

`smtps://` means implicit TLS. Without a URL mail goes to the console, so a laptop install shows
invitation links in the terminal instead of losing them.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from opennps.environment import ConfigurationError


def email_settings(smtp_url: str) -> dict[str, Any]:
    if not smtp_url:
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    parts = urlsplit(smtp_url)
    if parts.scheme not in {"smtp", "smtps"}:
        raise ConfigurationError(
            f"OPENNPS_SMTP_URL must start with smtp:// or smtps://, not {parts.scheme or '(none)'}://"
        )
    if not parts.hostname:
        raise ConfigurationError("OPENNPS_SMTP_URL has no host, e.g. smtp://mail.example.com:587")
    query = parse_qs(parts.query)
    starttls = query.get("starttls", ["0"])[0].lower() in {"1", "true", "yes"}
    implicit_tls = parts.scheme == "smtps"
    try:
        port = parts.port or (465 if implicit_tls else 587 if starttls else 25)
    except ValueError:
        raise ConfigurationError("OPENNPS_SMTP_URL has a port that is not a number") from None
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parts.hostname,
        "EMAIL_PORT": port,
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_TLS": starttls and not implicit_tls,
        "EMAIL_USE_SSL": implicit_tls,
        "EMAIL_TIMEOUT": 20,
    }
