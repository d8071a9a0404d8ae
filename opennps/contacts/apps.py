from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactsConfig(AppConfig):
    """The people a workspace asks: identity, language, time zone, attributes, consent."""

    name = "opennps.contacts"
    verbose_name = _("Contacts")
