"""The report as PDF: the HTML report rendered by WeasyPrint, so both formats say the same thing.

WeasyPrint is pure Python on top of the Pango text library, which Debian ships as
libpango-1.0-0 (Chromium, used by the browser tests, depends on it as well). Without Pango the
HTML report still works; the PDF link says what to install.
"""

from __future__ import annotations

import logging
from functools import lru_cache

from django.utils.translation import gettext as _

INSTALL_HINT = "apt-get install libpango-1.0-0 libpangoft2-1.0-0"


class PdfUnavailableError(RuntimeError):
    """The PDF renderer cannot run on this machine; the message says what to install."""


@lru_cache(maxsize=1)
def _html_class() -> type:
    # WeasyPrint narrates every rendering step at INFO (some on import); a log needs its warnings.
    logging.getLogger("weasyprint").setLevel(logging.WARNING)
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as error:  # OSError: the Pango library is missing
        raise PdfUnavailableError(
            _(
                "PDF reports need WeasyPrint and the Pango library (%(hint)s); the HTML report "
                "works without them. Details: %(error)s"
            )
            % {"hint": INSTALL_HINT, "error": str(error).splitlines()[0] if str(error) else error}
        ) from error
    return HTML


def html_to_pdf(html: str) -> bytes:
    """The PDF of a self-contained HTML document. Only data: URIs may be read, so a link that
    slipped into a report can never make the server fetch anything."""
    html_class = _html_class()  # first: it turns a missing WeasyPrint into a clear error
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols={"data"}, timeout=1)
    return html_class(string=html, url_fetcher=fetcher).write_pdf()
