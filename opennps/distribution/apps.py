from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DistributionConfig(AppConfig):
    """Invitations and the channels that carry them."""

    name = "opennps.distribution"
    verbose_name = _("Distribution")

    def ready(self) -> None:
        from opennps.distribution.models import Delivery
        from opennps.distribution.sending import (
            finish_batch,
            prepare_batch,
            send_delivery,
            sending_threads,
        )
        from opennps.work.registry import register_queue

        # Batches of 50: fewer claim transactions; a killed worker's unsent rows wait for the
        # lease to run out and are then sent by another worker (sent ones are skipped).
        register_queue(
            "invitations",
            Delivery,
            send_delivery,
            batch=50,
            finish=finish_batch,
            prepare=prepare_batch,
            concurrency=sending_threads,
        )

        from opennps.distribution.models import RelationshipRun
        from opennps.distribution.relationship import run_period

        register_queue("relationship_surveys", RelationshipRun, run_period, batch=5)
