from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChannelsWebConfig(AppConfig):
    """Channels with no message to send: the website widget, the kiosk, phone entry, QR codes."""

    name = "opennps.channels_web"
    label = "channels_web"
    verbose_name = _("Widget, kiosk and phone channels")
