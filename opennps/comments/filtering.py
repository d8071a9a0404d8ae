"""The driver filter and the driver chips of the verbatim browser (/w/<id>/responses/).

`?driver=price` (repeatable: any of them) keeps responses whose analysis carries that driver.
opennps.reports.filters.parse_filters reads the parameter with the browser's other filters, so
the browser, the CSV/XLSX exports and the HTML/PDF report all apply it (through
`only_drivers`, called by the raw-row queries and the browser's query).
"""

from __future__ import annotations

from collections.abc import Sequence
from types import SimpleNamespace

from django.db.models import QuerySet
from django.utils.translation import get_language

from opennps.accounts.models import Membership
from opennps.comments.models import AnalysedDriver, CommentAnalysis, Sentiment
from opennps.comments.taxonomy import driver_labels
from opennps.responses.models import Response


def only_drivers(responses: QuerySet[Response], keys: Sequence[str]) -> QuerySet[Response]:
    """Responses whose analysis carries any of ``keys`` (all responses when none are given)."""
    if not keys:
        return responses
    return responses.filter(
        pk__in=AnalysedDriver.objects.filter(driver__in=list(keys)).values("response_id")
    )


def attach_driver_chips(responses: Sequence[Response], membership: Membership) -> None:
    """Give each response a ``driver_analysis`` for comments/driver_chips.html (None if none)."""
    analyses = {
        analysis.response_id: analysis
        for analysis in CommentAnalysis.objects.filter(
            response_id__in=[response.pk for response in responses]
        )
    }
    labels = driver_labels(membership.workspace_id, get_language() or "en")
    sentiments = dict(Sentiment.choices)
    can_correct = membership.can("edit")
    for response in responses:
        analysis = analyses.get(response.pk)
        response.driver_analysis = (
            None
            if analysis is None
            else SimpleNamespace(
                keys=list(analysis.drivers),
                chips=[(key, labels.get(key, key)) for key in analysis.drivers],
                sentiment=analysis.sentiment,
                sentiment_label=str(sentiments.get(analysis.sentiment, analysis.sentiment)),
                can_correct=can_correct,
                choices=list(labels.items()),
            )
        )
