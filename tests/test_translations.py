"""The shipped catalogues in opennps/locale: complete, consistent with the code, and compiled.

English is the source language, so its catalogue stays empty. Every other language of
settings.LANGUAGES must translate every message, keep its placeholders and markup, and ship a
compiled .mo that matches its .po (CI machines may lack gettext, so the .mo files are committed).
The message extraction below is pure Python, so the completeness check runs without xgettext too.
After adding or changing a string: `make messages`, translate the new entries, commit .po and .mo.
"""

from __future__ import annotations

import ast
import functools
import gettext
import io
import re
import subprocess
import sys
import tokenize
from collections import Counter
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation.template import templatize

import opennps
from opennps.surveys.wording import TEXT_KEYS, default_text

PACKAGE = Path(opennps.__file__).resolve().parent
LOCALE = PACKAGE / "locale"
SOURCE_LANGUAGE = "en"
# Language codes as the web uses them ("zh-hans") and as locale folders name them ("zh_Hans").
TRANSLATED = [code for code, _name in settings.LANGUAGES if code != SOURCE_LANGUAGE]
FOLDERS = {code: translation.to_locale(code) for code, _name in settings.LANGUAGES}
PLURAL_FORMS = {"ru": 3, "kk": 2, "bg": 2, "zh-hans": 1}
# A script each translation must be written in (Kazakh in Cyrillic, Chinese in Han characters).
SCRIPT = {
    "ru": re.compile(r"[а-яё]", re.IGNORECASE),
    "kk": re.compile(r"[әғқңөұүһі]", re.IGNORECASE),
    "bg": re.compile(r"[а-ъюя]", re.IGNORECASE),
    "zh-hans": re.compile(r"[\u4e00-\u9fff]"),
}
# What the sign-in page says on its button, per language.
SIGN_IN = {"ru": "Войти", "kk": "Кіру", "bg": "Вход", "zh-hans": "登录"}

# makemessages' own rules: these folders hold data, not interface text.
IGNORED_FOLDERS = {"samples", "demo", "locale"}
SOURCE_SUFFIXES = {".py", ".html", ".txt"}
# Keyword -> positions of (context, singular, plural) arguments, as makemessages passes them to
# xgettext (its --keyword options plus xgettext's Python defaults).
KEYWORDS: dict[str, tuple[int | None, int, int | None]] = {
    "_": (None, 0, None),
    "gettext": (None, 0, None),
    "gettext_lazy": (None, 0, None),
    "gettext_noop": (None, 0, None),
    "ngettext": (None, 0, 1),
    "ngettext_lazy": (None, 0, 1),
    "pgettext": (0, 1, None),
    "pgettext_lazy": (0, 1, None),
    "npgettext": (0, 1, 2),
    "npgettext_lazy": (0, 1, 2),
}

PERCENT_PLACEHOLDER = re.compile(
    r"%(?:\([^)]*\))?[#0 +-]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[diouxXeEfFgGcrsa%]"
)
BRACE_PLACEHOLDER = re.compile(r"\{[^{}\s]*\}")
HTML_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")

Message = tuple[str | None, str, str | None]  # (context, singular, plural)


@functools.cache
def catalogue(code: str) -> polib.POFile:
    """The parsed .po file (read once; the tests only look at it)."""
    return polib.pofile(str(LOCALE / FOLDERS[code] / "LC_MESSAGES" / "django.po"))


def live_entries(po: polib.POFile) -> list[polib.POEntry]:
    return [entry for entry in po if not entry.obsolete]


def translations_of(entry: polib.POEntry) -> list[str]:
    if entry.msgid_plural:
        return [entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


def describe(entry: polib.POEntry) -> str:
    where = ", ".join(f"{path}:{line}" for path, line in entry.occurrences[:2])
    return f"{entry.msgid!r} ({where})"


def percent_placeholders(text: str) -> Counter[str]:
    return Counter(token for token in PERCENT_PLACEHOLDER.findall(text) if token != "%%")


def brace_placeholders(text: str) -> Counter[str]:
    return Counter(BRACE_PLACEHOLDER.findall(text))


# --- extraction of the messages the code asks for -------------------------------------------


def _messages_in_code(code: str) -> list[Message]:
    """Messages of the gettext calls in Python code whose arguments are plain string literals."""
    tokens = [
        token
        for token in tokenize.generate_tokens(io.StringIO(code).readline)
        if token.type not in (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE)
    ]
    found: list[Message] = []
    for index, token in enumerate(tokens[:-1]):
        spec = KEYWORDS.get(token.string) if token.type == tokenize.NAME else None
        if spec is None or tokens[index + 1].string != "(":
            continue
        if index > 0 and tokens[index - 1].string == "def":
            continue
        arguments = _literal_arguments(tokens, index + 2)
        context, singular, plural = spec
        wanted = [position for position in spec if position is not None]
        if any(position >= len(arguments) or arguments[position] is None for position in wanted):
            continue
        found.append(
            (
                arguments[context] if context is not None else None,
                arguments[singular],  # type: ignore[arg-type]
                arguments[plural] if plural is not None else None,
            )
        )
    return found


def _literal_arguments(tokens: list[tokenize.TokenInfo], start: int) -> list[str | None]:
    """Each argument up to the closing parenthesis: its text when made of string literals only."""
    arguments: list[str | None] = []
    current: list[str] | None = []
    depth = 0
    for token in tokens[start:]:
        if token.type == tokenize.OP and token.string in "([{":
            depth += 1
            current = None
        elif token.type == tokenize.OP and token.string in ")]}":
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and token.string == ",":
            arguments.append("".join(current) if current else None)
            current = []
        elif (
            depth == 0
            and token.type == tokenize.STRING
            and current is not None
            and "f" not in token.string.split("'")[0].split('"')[0].lower()
        ):
            value = ast.literal_eval(token.string)
            current = [*current, value] if isinstance(value, str) else None
        elif depth == 0:
            current = None
    arguments.append("".join(current) if current else None)
    return arguments


def messages_in_source() -> dict[Message, str]:
    """Every message makemessages would extract from the project, with one file that uses it."""
    found: dict[Message, str] = {}
    for path in sorted(PACKAGE.rglob("*")):
        relative = path.relative_to(PACKAGE)
        if path.suffix not in SOURCE_SUFFIXES or IGNORED_FOLDERS & set(relative.parts[:-1]):
            continue
        if any(part.startswith(".") for part in relative.parts):
            continue
        text = path.read_text(encoding="utf-8")
        code = text if path.suffix == ".py" else templatize(text, origin=str(path))
        for message in _messages_in_code(code):
            found.setdefault(message, str(relative))
    return found


# --- the catalogues ---------------------------------------------------------------------------


@pytest.mark.parametrize("code", [SOURCE_LANGUAGE, *TRANSLATED])
def test_every_language_ships_a_catalogue_and_its_compiled_file(code):
    folder = LOCALE / FOLDERS[code] / "LC_MESSAGES"
    assert (folder / "django.po").is_file(), f"missing {folder / 'django.po'}: run make messages"
    assert (folder / "django.mo").is_file(), f"missing {folder / 'django.mo'}: run make messages"


def test_every_translatable_string_in_the_code_is_in_the_catalogues():
    in_source = messages_in_source()
    assert len(in_source) > 400, "the extraction found suspiciously few messages"
    for code in [SOURCE_LANGUAGE, *TRANSLATED]:
        known = {
            (entry.msgctxt, entry.msgid, entry.msgid_plural or None)
            for entry in live_entries(catalogue(code))
        }
        missing = [
            f"{message[1]!r} ({path})"
            for message, path in in_source.items()
            if message not in known
        ]
        assert not missing, (
            f"{len(missing)} message(s) missing from the {code} catalogue; run `make messages` "
            "and translate them:\n" + "\n".join(missing)
        )


@pytest.mark.parametrize("code", TRANSLATED)
def test_the_plural_forms_header_fits_the_language(code):
    header = catalogue(code).metadata["Plural-Forms"]
    assert f"nplurals={PLURAL_FORMS[code]};" in header.replace(" ", "")


@pytest.mark.parametrize("code", TRANSLATED)
def test_no_message_is_left_untranslated_or_fuzzy(code):
    po = catalogue(code)
    untranslated = [describe(entry) for entry in po.untranslated_entries()]
    fuzzy = [describe(entry) for entry in po.fuzzy_entries()]
    assert not untranslated, f"{code}: {len(untranslated)} untranslated:\n" + "\n".join(
        untranslated
    )
    assert not fuzzy, f"{code}: {len(fuzzy)} fuzzy (check, then drop the flag):\n" + "\n".join(
        fuzzy
    )
    assert not po.metadata_is_fuzzy, f"{code}: the header is marked fuzzy"


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_plural_message_has_each_form_of_the_language(code):
    wrong = [
        describe(entry)
        for entry in live_entries(catalogue(code))
        if entry.msgid_plural and sorted(entry.msgstr_plural) != list(range(PLURAL_FORMS[code]))
    ]
    assert not wrong, f"{code}: plural messages need {PLURAL_FORMS[code]} forms:\n" + "\n".join(
        wrong
    )


@pytest.mark.parametrize("code", TRANSLATED)
def test_translations_keep_every_placeholder(code):
    problems = []
    for entry in live_entries(catalogue(code)):
        sources = " ".join([entry.msgid, entry.msgid_plural or ""])
        kinds = [("{…}", brace_placeholders)]
        if "python-format" in entry.flags:
            kinds.append(("%", percent_placeholders))
        for text in translations_of(entry):
            for kind, placeholders in kinds:
                found = placeholders(text)
                # A plural form may leave the count out ("one answer"), but never add a name.
                if entry.msgid_plural:
                    fits = set(found) <= set(placeholders(sources))
                else:
                    fits = found == placeholders(entry.msgid)
                if not fits:
                    problems.append(f"{describe(entry)}: {kind} placeholders differ in {text!r}")
    assert not problems, f"{code}:\n" + "\n".join(problems)


@pytest.mark.parametrize("code", TRANSLATED)
def test_python_format_translations_can_be_formatted(code):
    """A stray % in a translation would crash the page that formats it; %% is a literal %."""
    failures = []
    for entry in live_entries(catalogue(code)):
        if "python-format" not in entry.flags:
            continue
        names = re.findall(r"%\((\w+)\)", entry.msgid + (entry.msgid_plural or ""))
        values = {name: 1 for name in names}
        for text in translations_of(entry):
            try:
                text % values
            except (ValueError, TypeError, KeyError) as error:
                failures.append(f"{describe(entry)}: {text!r} ({error})")
    assert not failures, f"{code}:\n" + "\n".join(failures)


@pytest.mark.parametrize("code", TRANSLATED)
def test_translations_keep_the_html_markup(code):
    problems = [
        f"{describe(entry)}: {text!r}"
        for entry in live_entries(catalogue(code))
        for text in translations_of(entry)
        if Counter(HTML_TAG.findall(text)) != Counter(HTML_TAG.findall(entry.msgid))
    ]
    assert not problems, f"{code}:\n" + "\n".join(problems)


@pytest.mark.parametrize("code", [SOURCE_LANGUAGE, *TRANSLATED])
def test_the_compiled_catalogue_matches_its_source(code):
    """msgfmt compiles what is translated and not fuzzy; the committed .mo must hold exactly that."""
    po = catalogue(code)
    mo = polib.mofile(str(LOCALE / FOLDERS[code] / "LC_MESSAGES" / "django.mo"))

    def contents(entries) -> dict[tuple[str | None, str], tuple[str, ...]]:
        return {(entry.msgctxt, entry.msgid): tuple(translations_of(entry)) for entry in entries}

    compiled = contents(entry for entry in mo if entry.msgid)
    source = contents(po.translated_entries())
    stale = sorted(
        repr(key[1])
        for key in compiled.keys() | source.keys()
        if compiled.get(key) != source.get(key)
    )
    assert not stale, (
        f"{code}: django.mo is out of date; run make messages. Differs:\n" + "\n".join(stale)
    )
    assert mo.metadata.get("Plural-Forms") == po.metadata.get("Plural-Forms")


# --- behaviour --------------------------------------------------------------------------------


@pytest.mark.parametrize("code", TRANSLATED)
@pytest.mark.parametrize("kind", ["customer", "employee"])
def test_the_default_survey_question_is_shipped_in_the_language(code, kind):
    english = default_text("question", SOURCE_LANGUAGE, kind)
    with translation.override(code):
        question = default_text("question", code, kind)
        texts = [default_text(key, code, kind) for key in TEXT_KEYS]
    assert question != english
    assert "{brand}" in question
    assert SCRIPT[code].search(question), question
    assert all(SCRIPT[code].search(text) for text in texts), texts


def test_the_russian_survey_question_uses_the_standard_wording():
    with translation.override("ru"):
        assert default_text("question", "ru", "customer") == (
            "Насколько вероятно, что вы порекомендуете {brand} другу или коллеге?"
        )


@pytest.mark.parametrize("code", TRANSLATED)
def test_the_sign_in_page_follows_the_browser_language(client, db, code):
    response = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE=code)
    page = response.content.decode()
    assert response.status_code == 200
    assert f'lang="{code}"' in page
    assert SIGN_IN[code] in page
    assert ">Sign in<" not in page


def test_the_command_line_reads_the_same_catalogues_with_russian_plurals():
    russian = gettext.translation("django", localedir=LOCALE, languages=["ru"])
    assert russian.gettext("Distribution of scores") == "Распределение оценок"
    forms = {
        count: russian.ngettext("{rows} row read", "{rows} rows read", count).format(rows=count)
        for count in (1, 3, 5, 11, 21, 22)
    }
    assert forms == {
        1: "прочитана 1 строка",
        3: "прочитаны 3 строки",
        5: "прочитано 5 строк",
        11: "прочитано 11 строк",
        21: "прочитана 21 строка",
        22: "прочитаны 22 строки",
    }


def test_the_analyze_command_speaks_russian_when_the_environment_asks(tmp_path):
    data = tmp_path / "answers.csv"
    data.write_text("score\n10\n9\n3\n", encoding="utf-8")
    environment = {"LANGUAGE": "ru", "PATH": "/usr/bin:/bin", "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run(
        [sys.executable, "-m", "opennps", "analyze", str(data)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environment,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Промоутеры (9-10)" in result.stdout
    assert "Распределение оценок" in result.stdout
