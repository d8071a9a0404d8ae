"""Reading the messages the SMTP fixture received."""

from __future__ import annotations

import re
from email.message import EmailMessage

SCORE_LINK = re.compile(r"https://nps\.example/r/([A-Za-z0-9_-]+)\?score=(\d+)")


def parts(message: EmailMessage) -> tuple[str, str]:
    """The plain-text and HTML bodies."""
    text = message.get_body(preferencelist=("plain",))
    html = message.get_body(preferencelist=("html",))
    assert text is not None and html is not None
    return text.get_content(), html.get_content()


def score_links(body: str) -> list[tuple[str, int]]:
    """(token, score) of every score link, in order, without repeats."""
    seen: list[tuple[str, int]] = []
    for token, score in SCORE_LINK.findall(body):
        if (token, int(score)) not in seen:
            seen.append((token, int(score)))
    return seen
