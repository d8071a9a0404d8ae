from __future__ import annotations

from django.test import RequestFactory

from opennps.web.client_ip import client_ip


def request_with(**meta):
    return RequestFactory().get("/", **meta)


def test_without_a_configured_header_the_connection_address_counts(settings):
    settings.OPENNPS_CLIENT_IP_HEADER = ""
    assert client_ip(request_with(REMOTE_ADDR="10.0.0.7", HTTP_X_REAL_IP="1.2.3.4")) == "10.0.0.7"


def test_the_first_address_of_a_forwarded_for_header_is_the_client(settings):
    settings.OPENNPS_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    request = request_with(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9, 10.0.0.1")
    assert client_ip(request) == "203.0.113.9"


def test_a_missing_or_malformed_header_falls_back_instead_of_failing(settings):
    settings.OPENNPS_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    assert client_ip(request_with(REMOTE_ADDR="10.0.0.1")) == "10.0.0.1"
    assert client_ip(request_with(REMOTE_ADDR="10.0.0.1", HTTP_X_REAL_IP="<script>")) == "10.0.0.1"
    assert client_ip(request_with(REMOTE_ADDR="")) == "0.0.0.0"
