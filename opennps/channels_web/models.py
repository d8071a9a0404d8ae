"""Settings of the website widget and the kiosks of a workspace.

A kiosk's token is never stored: like a campaign link (distribution/tokens.py) it is an HMAC of a
random seed and SECRET_KEY, so the management page can show the link again while a copy of the
database alone opens no kiosk. Only the token's hash is looked up.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from typing import ClassVar
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from opennps.accounts.models import Workspace, hash_secret
from opennps.surveys.models import Survey


class WidgetTrigger(models.TextChoices):
    AFTER_DELAY = "delay", _("After some seconds on the page")
    EXIT_INTENT = "exit", _("When the visitor is about to leave (exit intent)")
    MANUAL = "manual", _("Only from code: OpenNPS.show()")


def normalise_origin(value: str) -> str:
    """`https://shop.example` from anything a person may paste; raises ValueError if no origin."""
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(value)
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{parts.hostname.lower()}{port}"


def validate_origins(values: object) -> None:
    if not isinstance(values, list):
        raise ValidationError(_("Give a list of origins."))
    for value in values:
        try:
            if not isinstance(value, str) or normalise_origin(value) != value:
                raise ValueError(value)
        except ValueError:
            raise ValidationError(
                _("%(value)s is not an origin like https://shop.example."),
                params={"value": value},
            ) from None


class WidgetSettings(models.Model):
    """How a survey appears as a widget on other websites; no row means the widget is off."""

    survey = models.OneToOneField(Survey, on_delete=models.CASCADE, related_name="widget")
    enabled = models.BooleanField(_("widget enabled"), default=True)
    # Pages of these origins may call the widget endpoints (CORS); every other origin is refused.
    allowed_origins = models.JSONField(
        _("allowed origins"), default=list, blank=True, validators=[validate_origins]
    )
    trigger = models.CharField(
        _("when to ask"),
        max_length=10,
        choices=WidgetTrigger.choices,
        default=WidgetTrigger.AFTER_DELAY,
    )
    delay_seconds = models.PositiveIntegerField(_("seconds before asking"), default=10)
    url_patterns = models.TextField(
        _("only on pages whose address contains"),
        blank=True,
        help_text=_("One text per line, e.g. /thank-you. Empty: every page."),
    )
    position = models.CharField(
        _("position"),
        max_length=10,
        choices=[("slide", _("Slide in at the bottom right")), ("modal", _("Modal in the middle"))],
        default="slide",
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"widget of {self.survey}"

    @property
    def patterns(self) -> list[str]:
        return [line.strip() for line in self.url_patterns.splitlines() if line.strip()]

    def allows_origin(self, origin: str) -> bool:
        return origin in self.allowed_origins


def kiosk_token(seed: str) -> str:
    """The kiosk's token for a seed: 32 URL-safe characters (192 bits), keyed by SECRET_KEY."""
    key = hashlib.sha256(f"opennps.channels_web.kiosk:{settings.SECRET_KEY}".encode()).digest()
    return base64.urlsafe_b64encode(
        hmac.new(key, seed.encode(), hashlib.sha256).digest()[:24]
    ).decode()


class Kiosk(models.Model):
    """A tablet in an office or shop that asks one survey, tagging each answer with its location."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="kiosks")
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="kiosks")
    location = models.CharField(_("location"), max_length=100)
    seed = models.CharField(max_length=32)
    token_hash = models.CharField(max_length=64, unique=True)
    active = models.BooleanField(_("active"), default=True)
    reset_seconds = models.PositiveSmallIntegerField(_("seconds before starting again"), default=5)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering: ClassVar = ["location", "id"]

    def __str__(self) -> str:
        return f"kiosk {self.location} for {self.survey}"

    def save(self, *args: object, **kwargs: object) -> None:
        if not self.seed:
            self.seed = secrets.token_hex(16)
            self.token_hash = hash_secret(kiosk_token(self.seed))
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    @property
    def token(self) -> str:
        return kiosk_token(self.seed)


def kiosk_for_token(token: str) -> Kiosk | None:
    if not token or len(token) > 64:
        return None
    return (
        Kiosk.objects.select_related("survey", "workspace")
        .filter(token_hash=hash_secret(token), active=True)
        .first()
    )
