"""Types shared by the API's request bodies: strict where a wrong type would be a silent bug."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from django.utils.translation import gettext as _
from ninja import Schema
from pydantic import (
    AfterValidator,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
)

from opennps.surveys.wording import SUPPORTED_LANGUAGES

LanguageCode = Literal["en", "ru", "kk", "bg", "zh-hans"]
ATTRIBUTE_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_\-]{0,49}$")
MAX_ATTRIBUTES = 50
MAX_ATTRIBUTE_VALUE_LENGTH = 200


class InputSchema(Schema):
    """A request body: unknown fields are refused, so a typo ("scroe") is never silently dropped."""

    model_config = ConfigDict(extra="forbid")


def _supported_language(value: object) -> object:
    if isinstance(value, str) and value.lower() in SUPPORTED_LANGUAGES:
        return value.lower()
    shown = repr(value) if isinstance(value, str) else str(value)
    raise ValueError(
        _("%(code)s is not a supported language; use one of %(supported)s.")
        % {"code": shown, "supported": ", ".join(SUPPORTED_LANGUAGES)}
    )


# The check runs before the Literal, so the message names the unsupported code.
Language = Annotated[LanguageCode, BeforeValidator(_supported_language)]


def _bad_attribute_name(name: str) -> str:
    return _(
        "Attribute name %(name)s is not allowed; use up to 50 letters, digits, '-' or '_', "
        "starting with a letter or digit."
    ) % {"name": repr(name)}


def _checked_attributes(attributes: dict[str, Any]) -> dict[str, Any]:
    if len(attributes) > MAX_ATTRIBUTES:
        raise ValueError(
            _("At most %(limit)s attributes are allowed, got %(count)s.")
            % {"limit": MAX_ATTRIBUTES, "count": len(attributes)}
        )
    for key, value in attributes.items():
        if not ATTRIBUTE_KEY.match(key):
            raise ValueError(_bad_attribute_name(key))
        if isinstance(value, str) and len(value) > MAX_ATTRIBUTE_VALUE_LENGTH:
            raise ValueError(
                _(
                    "Attribute %(name)s is %(length)s characters long; at most %(limit)s are allowed."
                )
                % {"name": repr(key), "length": len(value), "limit": MAX_ATTRIBUTE_VALUE_LENGTH}
            )
    return attributes


AttributeValue = StrictStr | StrictInt | StrictFloat | StrictBool | None
Attributes = Annotated[dict[str, AttributeValue], AfterValidator(_checked_attributes)]


def _checked_attribute_names(names: list[str]) -> list[str]:
    for name in names:
        if not ATTRIBUTE_KEY.match(name):
            raise ValueError(_bad_attribute_name(name))
    return list(dict.fromkeys(names))


AttributeNames = Annotated[
    list[StrictStr], Field(max_length=MAX_ATTRIBUTES), AfterValidator(_checked_attribute_names)
]
