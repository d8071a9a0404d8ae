"""Cheap, language-aware clean-up of comment text before it is matched, tokenised or embedded.

Two kinds of damage are common in survey exports:

- **Mojibake**: UTF-8 bytes that were decoded as Windows-1252/Latin-1 somewhere along the way
  ("prÃ©cis", "Ð¦ÐµÐ½Ð°"). When a text shows the tell-tale characters and re-encoding it gives
  valid UTF-8, the repaired text is used.
- **Lost bytes**: a file mixing UTF-8 with stray Latin-1 bytes, read with ``utf8-lossy``, carries
  U+FFFD where an accented letter was ("pr\ufffdcis"). The letter is gone, but in French and other
  Latin-script text it was almost always an accented vowel, so matching treats it as a plain "e"
  (after accents are folded) and the encoder sees "é" — both far better than a broken word.
"""

from __future__ import annotations

import re
import unicodedata

REPLACEMENT_CHARACTER = "\ufffd"
# Languages written in Latin script: accents are folded for matching, and a lost byte is a vowel.
LATIN_SCRIPT = frozenset({"en", "fr", "de", "es", "it", "pt", "nl", "pl", "cs", "ro", "tr"})
CJK_LANGUAGES = frozenset({"zh-hans", "zh-hant", "zh", "ja"})

_MOJIBAKE_MARKERS = ("Ã", "Â", "â€", "Ð", "Ñ", "Ò", "Ó", "Ø", "Ù")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_ENGLISH_CONTRACTIONS = (
    (re.compile(r"\bcan't\b"), "can not"),
    (re.compile(r"\bwon't\b"), "will not"),
    (re.compile(r"n't\b"), " not"),
)
_SPACES = re.compile(r"\s+")


def repair_mojibake(text: str) -> str:
    """Undo UTF-8-read-as-Windows-1252 damage when that is clearly what happened.

    The repair is kept only if the text re-encodes cleanly and the result has fewer suspicious
    characters, so correct text with an occasional "Ã" (a Portuguese name) is left alone.
    """
    if not any(marker in text for marker in _MOJIBAKE_MARKERS):
        return text
    for encoding in ("cp1252", "latin-1"):
        try:
            repaired = text.encode(encoding).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if _suspicion(repaired) < _suspicion(text):
            return repaired
    return text


def _suspicion(text: str) -> int:
    return sum(text.count(marker) for marker in _MOJIBAKE_MARKERS)


def clean_text(text: str, language: str | None = None) -> str:
    """Text as a person would have written it: NFC, mojibake repaired, spaces collapsed.

    In Latin-script text a lost byte (U+FFFD) becomes "é", the likeliest letter; this is the text
    given to the sentence encoder.
    """
    text = unicodedata.normalize("NFC", repair_mojibake(text))
    if REPLACEMENT_CHARACTER in text and (language is None or language in LATIN_SCRIPT):
        text = text.replace(REPLACEMENT_CHARACTER, "é")
    return _SPACES.sub(" ", text).strip()


def fold_latin_accents(text: str) -> str:
    """Remove accents from Latin letters only ("élevé" -> "eleve"); Cyrillic й, ё, ә stay."""
    out = []
    for character in text:
        if "\u00c0" <= character <= "\u024f":
            base = unicodedata.normalize("NFD", character)[0]
            out.append(base if base.isascii() else character)
        else:
            out.append(character)
    return "".join(out)


def normalise(text: str, language: str | None = None) -> str:
    """Lower-case text for matching: accents folded in Latin script, ё as е, quotes unified.

    Punctuation is kept (``words`` removes it); Chinese text is returned without spaces.
    """
    text = unicodedata.normalize("NFKC", repair_mojibake(text)).translate(_APOSTROPHES).lower()
    text = text.replace("ё", "е")
    if language is None or language in LATIN_SCRIPT:
        text = fold_latin_accents(text).replace(REPLACEMENT_CHARACTER, "e")
    if language == "en":
        for pattern, replacement in _ENGLISH_CONTRACTIONS:
            text = pattern.sub(replacement, text)
    if language in CJK_LANGUAGES:
        return "".join(text.split())
    return _SPACES.sub(" ", text).strip()


def words(text: str, language: str | None = None) -> list[str]:
    """The words of ``text`` after ``normalise``: letters and digits, apostrophes and hyphens
    split ("l'écoute" -> ["l", "ecoute"], "колл-центр" -> ["колл", "центр"])."""
    return _WORD.findall(normalise(text, language))


def letter_count(text: str) -> int:
    """Letters in ``text``; a Chinese character counts as two (it carries a word's worth)."""
    count = 0
    for character in text:
        if character.isalpha():
            count += 2 if _is_cjk(character) else 1
    return count


def _is_cjk(character: str) -> bool:
    return "\u4e00" <= character <= "\u9fff" or "\u3400" <= character <= "\u4dbf"


def cjk_share(text: str) -> float:
    """Share of letters that are Chinese characters (0 when there are no letters)."""
    letters = [character for character in text if character.isalpha()]
    if not letters:
        return 0.0
    return sum(_is_cjk(character) for character in letters) / len(letters)
