"""`opennps reportpreview` prints what the worker would send, and names a wrong report id."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from opennps.reports.actions import create_report
from opennps.work.models import Job


def test_the_preview_prints_the_email_and_sends_nothing(shop):
    report = create_report(
        shop.workspace, shop.alice, frequency="quarterly", recipients=[shop.alice], language="en"
    )
    output = io.StringIO()

    call_command("reportpreview", str(report.pk), "--day", "2025-02-10", stdout=output)

    text = output.getvalue()
    assert text.startswith("Subject: Quarterly NPS report for Shop: ")
    assert "NPS – (95% interval –), n = 0." in text
    assert not Job.objects.exists()


def test_an_unknown_report_is_named(shop):
    with pytest.raises(CommandError, match="There is no scheduled report 999"):
        call_command("reportpreview", "999")
