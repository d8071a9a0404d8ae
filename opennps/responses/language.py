"""Which language a respondent sees on the survey page.

Order: an explicit `?lang=` (the switcher's links) > what we already know of the person (their
answer's or contact's language) > the browser's Accept-Language > the survey's default. Only the
survey's own languages are ever chosen.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.http import HttpRequest
from django.utils.translation import get_language_info
from django.utils.translation.trans_real import parse_accept_lang_header

LANGUAGE_PARAMETER = "lang"


def best_match(code: str, available: Sequence[str]) -> str | None:
    """The language of `available` that best serves a reader of `code`, or None.

    Follows Django's get_supported_language_variant: the exact code, its fallbacks (zh-cn →
    zh-hans), the generic language (ru-RU → ru), then any variant of the generic language.
    """
    code = code.strip().lower().replace("_", "-")
    if not code or len(code) > 30:
        return None
    generic = code.split("-")[0]
    candidates = [code, *LANG_INFO.get(code, {}).get("fallback", []), generic]
    for candidate in candidates:
        if candidate in available:
            return candidate
    for supported in available:
        if supported.startswith(f"{generic}-"):
            return supported
    return None


def requested_language(request: HttpRequest, available: Sequence[str]) -> str:
    """The language asked for with `?lang=`, if the survey has it; else ""."""
    return best_match(request.GET.get(LANGUAGE_PARAMETER, ""), available) or ""


def browser_language(request: HttpRequest, available: Sequence[str]) -> str | None:
    header = request.headers.get("Accept-Language", "")
    for code, _quality in parse_accept_lang_header(header):
        if code != "*" and (match := best_match(code, available)):
            return match
    return None


def choose_language(
    request: HttpRequest,
    available: Sequence[str],
    default: str,
    known: Iterable[str] = (),
) -> str:
    """The language for this page; `known` lists what we know of the person, best first."""
    if not available:
        return default
    for candidate in (request.GET.get(LANGUAGE_PARAMETER, ""), *known):
        if candidate and (match := best_match(candidate, available)):
            return match
    if match := browser_language(request, available):
        return match
    return default if default in available else available[0]


def language_name(code: str) -> str:
    """The language's name in itself (Русский, 简体中文), as the switcher shows it."""
    names = dict(settings.LANGUAGES)
    if code in names:
        return str(names[code])
    try:
        return str(get_language_info(code)["name_local"])
    except KeyError:
        return code
