"""The PDF report is a real PDF whose text carries the same NPS, n and interval as the HTML; when
the PDF renderer cannot run, the page says what to install and offers the HTML report."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys

import pytest
from pypdf import PdfReader

from opennps.reports import pdf
from opennps.responses.models import Response
from opennps.stats import Histogram, summarize
from tests.reports.helpers import answer, page_text


@pytest.fixture
def data(shop):
    for score in (10, 9, 9, 8, 7, 6, 3, 10, 10, 0, 9, 5):
        answer(shop.survey, score, "fine")
    return shop


def pdf_text(document: bytes) -> str:
    if shutil.which("pdftotext"):  # poppler, when installed, reads the layout best
        result = subprocess.run(
            ["pdftotext", "-layout", "-", "-"], input=document, capture_output=True, check=True
        )
        return result.stdout.decode()
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(document)).pages)


def test_the_pdf_report_holds_the_headline_numbers(data):
    response = data.client_for(data.bob).get(data.url("report.pdf"))

    document = response.content
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="shop-nps-report-')
    assert document.startswith(b"%PDF-")
    assert len(PdfReader(io.BytesIO(document)).pages) >= 1
    text = " ".join(pdf_text(document).split())
    summary = summarize(Histogram.from_scores(r.score for r in Response.objects.all())).to_dict()
    assert "NPS report: Shop" in text
    assert f"{summary['nps']}" in text
    assert f"95% interval {summary['ci_low']} to {summary['ci_high']}" in text
    assert f"n = {summary['n']}" in text


def test_without_the_renderer_the_page_says_what_to_install(data, monkeypatch):
    pdf._html_class.cache_clear()
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # what a missing package looks like
    try:
        response = data.client_for(data.bob).get(data.url("report.pdf?channel=web"))
    finally:
        pdf._html_class.cache_clear()

    text = page_text(response)
    assert response.status_code == 503
    assert "PDF reports need WeasyPrint and the Pango library" in text
    assert pdf.INSTALL_HINT in text
    assert "report.html?channel=web" in text
