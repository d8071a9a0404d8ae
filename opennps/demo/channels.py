"""The demo's web channels: a kiosk in every shop and the widget in the online shop.

The post-purchase survey's kiosk answers carry the shop as their `location`, the attribute a
kiosk tags its answers with (opennps.channels_web.kiosk), so each kiosk below has the answers of
its own shop. Its link works in the running demo: answering there stores a response like any
kiosk's.
"""

from __future__ import annotations

from datetime import datetime

from opennps.channels_web.models import Kiosk, WidgetSettings, WidgetTrigger
from opennps.demo.cast import STORES
from opennps.surveys.models import Survey

# Pages of Aurora's online shop (a reserved .example name: it belongs to nobody).
SHOP_ORIGINS = ["https://shop.aurora.example", "https://my.aurora.example"]
ORDER_CONFIRMATION_PAGE = "/order/complete"


def shop_locations() -> list[str]:
    return sorted(store for stores in STORES.values() for store in stores)


def set_up_kiosks(survey: Survey, set_up_at: datetime) -> list[Kiosk]:
    """One tablet per shop, asking the post-purchase survey."""
    kiosks = []
    for location in shop_locations():
        kiosk = Kiosk(workspace=survey.workspace, survey=survey, location=location)
        kiosk.save()  # draws the kiosk's secret seed, as the kiosks page does
        kiosks.append(kiosk)
    Kiosk.objects.filter(pk__in=[kiosk.pk for kiosk in kiosks]).update(created_at=set_up_at)
    return kiosks


def set_up_widget(survey: Survey) -> WidgetSettings:
    """The survey as a slide-in on the shop's order confirmation page, a few seconds in."""
    widget = WidgetSettings(
        survey=survey,
        enabled=True,
        allowed_origins=SHOP_ORIGINS,
        trigger=WidgetTrigger.AFTER_DELAY,
        delay_seconds=5,
        url_patterns=ORDER_CONFIRMATION_PAGE,
        position="slide",
    )
    widget.full_clean()
    widget.save()
    return widget
