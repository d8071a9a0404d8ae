"""QR codes of open links and kiosks, as PNG and SVG."""

from __future__ import annotations

from opennps.channels_web.models import Kiosk

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def test_the_open_link_qr_code_is_a_png_and_an_svg(team, survey):
    client = team.client_for(team.bob)  # viewers may print it
    base = f"/w/{team.workspace.pk}/surveys/{survey.pk}/"
    png = client.get(base + "qr.png")
    assert png["Content-Type"] == "image/png"
    assert png.content.startswith(PNG_MAGIC)
    svg = client.get(base + "qr.svg")
    assert svg["Content-Type"] == "image/svg+xml"
    text = svg.content.decode()
    assert text.startswith("<?xml") and "<svg" in text and "<path" in text


def test_a_kiosk_qr_code_is_served_to_editors_only(team, survey):
    kiosk = Kiosk.objects.create(workspace=team.workspace, survey=survey, location="Desk")
    url = f"/w/{team.workspace.pk}/kiosks/{kiosk.pk}/qr.png"
    assert team.client_for(team.dana).get(url).content.startswith(PNG_MAGIC)
    assert team.client_for(team.bob).get(url).status_code == 404


def test_another_workspaces_survey_has_no_qr_code(team, survey):
    url = f"/w/{team.other_workspace.pk}/surveys/{survey.pk}/qr.png"
    assert team.client_for(team.charlie).get(url).status_code == 404
