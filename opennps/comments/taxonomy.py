"""A workspace's taxonomy: the shipped one from opennps.text plus the team's edits.

Edits are rows (:class:`DriverSetting`, :class:`DriverExample`) applied in order to a fresh copy
of the shipped taxonomy, so every page, the worker and the CLI see the same drivers. A
correction goes through :meth:`Taxonomy.correct`: the corrected comment becomes an example of
its drivers and stops being an example of others, which is what makes later, similar comments
follow it.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from opennps.comments.events import announce_analysis
from opennps.comments.models import (
    AnalysedDriver,
    CommentAnalysis,
    DriverExample,
    DriverSetting,
    ExampleSource,
    Method,
)
from opennps.responses.models import Response
from opennps.text import Example, Taxonomy, TaxonomyError, default_taxonomy
from opennps.text.taxonomy import SENTIMENT_LABELS

SENTIMENT_OF_CLASS = {"promoter": "pos", "passive": "neu", "detractor": "neg"}


def workspace_taxonomy(workspace_id: int) -> Taxonomy:
    """The shipped taxonomy with this workspace's labels, drivers, examples and corrections."""
    taxonomy = default_taxonomy()
    settings = list(DriverSetting.objects.filter(workspace_id=workspace_id).order_by("pk"))
    examples = list(DriverExample.objects.filter(workspace_id=workspace_id).order_by("pk"))
    for setting in settings:
        if setting.custom and setting.key not in taxonomy:
            first = next((example for example in examples if setting.key in example.drivers), None)
            seed = (
                [Example(first.text, first.language, first.sentiment or None, "team")]
                if first
                else [Example(setting.labels.get("en") or setting.key, "en", None, "team")]
            )
            taxonomy.add_driver(setting.key, dict(setting.labels), seed)
        elif setting.key in taxonomy:
            for language, label in setting.labels.items():
                taxonomy.rename(setting.key, label, language)
    for example in examples:
        known = [key for key in example.drivers if key in taxonomy]
        if not known:
            continue
        if example.source == ExampleSource.CORRECTION:
            taxonomy.correct(example.text, example.language, known, example.sentiment or None)
        else:
            for key in known:
                taxonomy.add_example(key, example.text, example.language, example.sentiment or None)
    return taxonomy


def driver_labels(workspace_id: int, language: str | None = None) -> dict[str, str]:
    """Driver key -> label in ``language`` (English when it has none), in taxonomy order."""
    taxonomy = workspace_taxonomy(workspace_id)
    return {driver.key: driver.label(language) for driver in taxonomy.drivers}


def rename_driver(workspace_id: int, key: str, label: str, language: str = "en") -> None:
    """Give ``key`` a new label in ``language``; stored results keep the key."""
    taxonomy = workspace_taxonomy(workspace_id)
    taxonomy.rename(key, label, language)  # checks the key and the label
    setting, _created = DriverSetting.objects.get_or_create(workspace_id=workspace_id, key=key)
    setting.labels = {**setting.labels, language: label.strip()}
    setting.save(update_fields=["labels", "updated_at"])


@transaction.atomic
def add_driver(
    workspace_id: int,
    key: str,
    label: str,
    examples: list[tuple[str, str]],
    user: object | None = None,
) -> None:
    """Add a driver with ``label`` (English) and (text, language) example sentences."""
    taxonomy = workspace_taxonomy(workspace_id)
    taxonomy.add_driver(
        key, {"en": label.strip()}, [Example(t, lang, None, "team") for t, lang in examples]
    )
    DriverSetting.objects.create(
        workspace_id=workspace_id, key=key, labels={"en": label.strip()}, custom=True
    )
    for text, language in examples:
        DriverExample.objects.create(
            workspace_id=workspace_id,
            drivers=[key],
            text=text.strip(),
            language=language,
            source=ExampleSource.TEAM,
            created_by=user if getattr(user, "pk", None) else None,
        )


def add_example(
    workspace_id: int, key: str, text: str, language: str, user: object | None = None
) -> None:
    """Add one example sentence (any language) to driver ``key``."""
    taxonomy = workspace_taxonomy(workspace_id)
    taxonomy.add_example(key, text, language)
    DriverExample.objects.create(
        workspace_id=workspace_id,
        drivers=[key],
        text=text.strip(),
        language=language,
        source=ExampleSource.TEAM,
        created_by=user if getattr(user, "pk", None) else None,
    )


@transaction.atomic
def correct_drivers(response: Response, drivers: list[str], user: object | None = None) -> None:
    """Record that ``response``'s comment is about ``drivers``: its analysis shows them at once,
    and the comment becomes an example for later classifications."""
    if not response.comment.strip():
        raise TaxonomyError(_("This response has no comment to correct."))
    taxonomy = workspace_taxonomy(response.workspace_id)
    analysis = CommentAnalysis.objects.filter(response=response).first()
    language = (analysis.language if analysis else "") or response.language or "en"
    sentiment = SENTIMENT_OF_CLASS.get(response.nps_class)
    assert sentiment in SENTIMENT_LABELS
    taxonomy.correct(response.comment, language, drivers, sentiment)  # checks the keys
    DriverExample.objects.create(
        workspace_id=response.workspace_id,
        drivers=list(drivers),
        text=response.comment.strip(),
        language=language,
        sentiment=sentiment,
        source=ExampleSource.CORRECTION,
        response=response,
        created_by=user if getattr(user, "pk", None) else None,
    )
    if analysis is None:
        from opennps.comments.analysis import new_analysis

        analysis = new_analysis(response, language)
    analysis.drivers = list(drivers)
    analysis.methods = {key: Method.CORRECTION for key in drivers}
    analysis.corrected = True
    analysis.save()
    AnalysedDriver.objects.filter(analysis=analysis).delete()
    AnalysedDriver.objects.bulk_create(
        AnalysedDriver(
            analysis=analysis,
            workspace_id=response.workspace_id,
            response=response,
            driver=key,
            method=Method.CORRECTION,
        )
        for key in drivers
    )
    announce_analysis(analysis)
