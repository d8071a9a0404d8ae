"""Translation hook for the analyze command, which runs without Django.

Strings are marked with ``_()`` so they can be extracted; at run time the project's compiled Django
catalogues (``opennps/locale/<lang>/LC_MESSAGES/django.mo``) are used when present, chosen by the
usual ``LANGUAGE``/``LC_ALL``/``LANG`` variables, and the English text otherwise.
"""

from __future__ import annotations

import gettext
from pathlib import Path

_LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
_translation = gettext.translation("django", localedir=_LOCALE_DIR, fallback=True)


def _(message: str) -> str:
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _translation.ngettext(singular, plural, count)
