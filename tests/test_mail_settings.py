from __future__ import annotations

import pytest

from opennps.environment import ConfigurationError
from opennps.mail_settings import email_settings


def test_without_a_url_mail_goes_to_the_console():
    assert email_settings("")["EMAIL_BACKEND"].endswith("console.EmailBackend")


def test_starttls_url_gives_host_port_credentials_and_tls():
    settings = email_settings("smtp://ann%40shop:p%3Ass@mail.example.com:587?starttls=1")
    assert settings["EMAIL_HOST"] == "mail.example.com"
    assert settings["EMAIL_PORT"] == 587
    assert settings["EMAIL_HOST_USER"] == "ann@shop"
    assert settings["EMAIL_HOST_PASSWORD"] == "p:ss"
    assert settings["EMAIL_USE_TLS"] is True
    assert settings["EMAIL_USE_SSL"] is False


def test_smtps_means_implicit_tls_on_465_by_default():
    settings = email_settings("smtps://mail.example.com")
    assert settings["EMAIL_PORT"] == 465
    assert settings["EMAIL_USE_SSL"] is True
    assert settings["EMAIL_USE_TLS"] is False


def test_plain_smtp_defaults_to_port_25_without_tls():
    settings = email_settings("smtp://127.0.0.1")
    assert (settings["EMAIL_PORT"], settings["EMAIL_USE_TLS"]) == (25, False)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://mail.example.com", "must start with smtp:// or smtps://"),
        ("smtp://", "has no host"),
        ("smtp://mail.example.com:abc", "port that is not a number"),
    ],
)
def test_a_bad_url_says_what_is_wrong(url, message):
    with pytest.raises(ConfigurationError, match=message):
        email_settings(url)
