"""The hosted survey page: open links, personal links, and the friendly pages around them."""

from __future__ import annotations

from opennps.responses.views.public import (
    logo,
    open_followup,
    open_question,
    open_thanks,
    personal_followup,
    personal_question,
    personal_thanks,
)

__all__ = [
    "logo",
    "open_followup",
    "open_question",
    "open_thanks",
    "personal_followup",
    "personal_question",
    "personal_thanks",
]
