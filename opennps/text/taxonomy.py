"""The driver taxonomy as data: drivers with labels, keyword rules and example sentences.

A :class:`Taxonomy` is plain data that a team edits (rename a driver, add a driver with a few
examples, add an example, correct a comment's drivers) and that the database stores as JSON
(:meth:`Taxonomy.to_dict` / :meth:`Taxonomy.from_dict`). Classifiers are built from it; after an
edit, build a new classifier (example embeddings are cached by text, so that is cheap).

The shipped default lives in ``opennps/text/data/taxonomy.json`` and is written for the languages
of OpenNPS (en, ru, kk, bg, zh-hans) plus French.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from opennps.text.normalise import normalise

OTHER = "other"
SENTIMENT_LABELS = ("pos", "neu", "neg")
EXAMPLE_SOURCES = ("shipped", "team", "correction")
_KEY = re.compile(r"^[a-z][a-z0-9_-]{0,39}$")


class TaxonomyError(ValueError):
    """An edit or a stored taxonomy that does not make sense; the message says what and where."""


@dataclass(frozen=True)
class Example:
    """A sentence that illustrates a driver, in one language, with its sentiment if known."""

    text: str
    language: str
    sentiment: str | None = None
    source: str = "shipped"

    def __post_init__(self) -> None:
        if not self.text.strip():
            raise TaxonomyError("an example sentence cannot be empty")
        if self.sentiment is not None and self.sentiment not in SENTIMENT_LABELS:
            raise TaxonomyError(
                f"example sentiment must be one of {', '.join(SENTIMENT_LABELS)}, "
                f"got {self.sentiment!r}"
            )
        if self.source not in EXAMPLE_SOURCES:
            raise TaxonomyError(f"example source must be one of {', '.join(EXAMPLE_SOURCES)}")


@dataclass
class Driver:
    """One reason customers give: a stable ``key``, labels per language, rules and examples."""

    key: str
    labels: dict[str, str]
    keywords: dict[str, list[str]] = field(default_factory=dict)
    examples: list[Example] = field(default_factory=list)

    def label(self, language: str | None = None) -> str:
        """The label in ``language``, else English, else the key."""
        return self.labels.get(language or "en") or self.labels.get("en") or self.key


def normalised_text(text: str) -> str:
    """The form used to recognise the same sentence again (case, accents, spacing ignored)."""
    return " ".join(normalise(text).split()).strip(" .!?。！？")


class Taxonomy:
    """An ordered set of drivers. ``other`` always exists and catches unclear comments."""

    def __init__(self, drivers: list[Driver], *, version: int = 1) -> None:
        self.version = version
        self._drivers: dict[str, Driver] = {}
        for driver in drivers:
            self._check_key(driver.key)
            if driver.key in self._drivers:
                raise TaxonomyError(f"driver {driver.key!r} appears twice")
            self._drivers[driver.key] = driver
        if OTHER not in self._drivers:
            self._drivers[OTHER] = Driver(OTHER, {"en": "Other"})

    # -- reading ---------------------------------------------------------------------------
    @property
    def keys(self) -> list[str]:
        return list(self._drivers)

    @property
    def drivers(self) -> list[Driver]:
        return list(self._drivers.values())

    def __contains__(self, key: object) -> bool:
        return key in self._drivers

    def driver(self, key: str) -> Driver:
        try:
            return self._drivers[key]
        except KeyError:
            raise TaxonomyError(
                f"unknown driver {key!r}; known drivers: {', '.join(self._drivers)}"
            ) from None

    def label(self, key: str, language: str | None = None) -> str:
        return self.driver(key).label(language)

    def languages(self) -> list[str]:
        """Every language that has a keyword rule or an example."""
        found: set[str] = set()
        for driver in self.drivers:
            found.update(driver.keywords)
            found.update(example.language for example in driver.examples)
        return sorted(found)

    def examples(self) -> list[tuple[str, Example]]:
        """(driver key, example) for every example, in taxonomy order."""
        return [(driver.key, example) for driver in self.drivers for example in driver.examples]

    # -- editing ---------------------------------------------------------------------------
    def rename(self, key: str, label: str, language: str = "en") -> None:
        """Give driver ``key`` a new label in ``language``; its key (and stored results) stay."""
        if not label.strip():
            raise TaxonomyError("a driver label cannot be empty")
        self.driver(key).labels[language] = label.strip()
        self.version += 1

    def add_driver(
        self,
        key: str,
        labels: dict[str, str],
        examples: list[Example],
        keywords: dict[str, list[str]] | None = None,
    ) -> Driver:
        """Add a driver; it needs a label and at least one example sentence (any language)."""
        self._check_key(key)
        if key in self._drivers:
            raise TaxonomyError(f"driver {key!r} already exists; rename it or add examples")
        if not any(label.strip() for label in labels.values()):
            raise TaxonomyError(f"driver {key!r} needs a label")
        if not examples:
            raise TaxonomyError(f"driver {key!r} needs at least one example sentence")
        driver = Driver(key, dict(labels), {k: list(v) for k, v in (keywords or {}).items()})
        driver.examples.extend(examples)
        self._drivers[key] = driver
        self.version += 1
        return driver

    def remove_driver(self, key: str) -> None:
        if key == OTHER:
            raise TaxonomyError("the 'other' driver cannot be removed")
        self.driver(key)
        del self._drivers[key]
        self.version += 1

    def add_example(
        self,
        key: str,
        text: str,
        language: str,
        sentiment: str | None = None,
        source: str = "team",
    ) -> Example:
        """Add an example sentence to driver ``key`` (ignored if it is already there)."""
        driver = self.driver(key)
        example = Example(text.strip(), language, sentiment, source)
        wanted = normalised_text(example.text)
        if not any(normalised_text(known.text) == wanted for known in driver.examples):
            driver.examples.append(example)
            self.version += 1
        return example

    def correct(
        self, text: str, language: str, drivers: list[str], sentiment: str | None = None
    ) -> None:
        """Record that ``text`` is about ``drivers``: it becomes their example, and stops being
        an example of any other driver, so the next similar comment follows the correction."""
        if not drivers:
            raise TaxonomyError("a correction needs at least one driver (use 'other' for none)")
        for key in drivers:
            self.driver(key)
        wanted = normalised_text(text)
        for driver in self.drivers:
            if driver.key in drivers:
                continue
            kept = [e for e in driver.examples if normalised_text(e.text) != wanted]
            if len(kept) != len(driver.examples):
                driver.examples = kept
        for key in drivers:
            self.add_example(key, text, language, sentiment, source="correction")
        self.version += 1

    @staticmethod
    def _check_key(key: str) -> None:
        if not _KEY.match(key):
            raise TaxonomyError(
                f"driver key {key!r} must be lower-case letters, digits, '-' or '_', "
                "starting with a letter (at most 40 characters)"
            )

    # -- storage ---------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able data; ``Taxonomy.from_dict(t.to_dict())`` gives the same taxonomy."""
        return {
            "version": self.version,
            "drivers": [
                {
                    "key": driver.key,
                    "labels": dict(driver.labels),
                    "keywords": {lang: list(words) for lang, words in driver.keywords.items()},
                    "examples": [
                        {
                            "text": example.text,
                            "language": example.language,
                            "sentiment": example.sentiment,
                            "source": example.source,
                        }
                        for example in driver.examples
                    ],
                }
                for driver in self.drivers
            ],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Taxonomy:
        """Read :meth:`to_dict` output, or the shipped file's compact form (examples grouped
        by language as ``[text, sentiment]`` pairs)."""
        try:
            drivers = [_driver_from_dict(item) for item in data["drivers"]]
            return cls(drivers, version=int(data.get("version", 1)))
        except (KeyError, TypeError, AttributeError) as error:
            raise TaxonomyError(f"not a taxonomy: missing or malformed {error}") from None

    def fingerprint(self) -> str:
        """A hash of the content: results computed with another fingerprint are stale."""
        content = self.to_dict()
        del content["version"]
        canonical = json.dumps(content, ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]

    def copy(self) -> Taxonomy:
        return Taxonomy.from_dict(copy.deepcopy(self.to_dict()))


def _driver_from_dict(item: dict[str, Any]) -> Driver:
    raw_examples = item.get("examples", [])
    examples: list[Example] = []
    if isinstance(raw_examples, dict):  # shipped form: {language: [[text, sentiment], ...]}
        for language, pairs in raw_examples.items():
            examples.extend(Example(text, language, sentiment) for text, sentiment in pairs)
    else:
        examples.extend(
            Example(
                entry["text"],
                entry["language"],
                entry.get("sentiment"),
                entry.get("source", "shipped"),
            )
            for entry in raw_examples
        )
    return Driver(
        key=item["key"],
        labels=dict(item.get("labels", {})),
        keywords={lang: list(words) for lang, words in item.get("keywords", {}).items()},
        examples=examples,
    )


@cache
def _shipped_data() -> str:
    return resources.files("opennps.text.data").joinpath("taxonomy.json").read_text("utf-8")


def default_taxonomy() -> Taxonomy:
    """A fresh copy of the shipped taxonomy (edit it freely)."""
    return Taxonomy.from_dict(json.loads(_shipped_data()))
