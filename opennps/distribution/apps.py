from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DistributionConfig(AppConfig):
    """Invitations and the channels that carry them."""

    name = "opennps.distribution"
    verbose_name = _("Distribution")
