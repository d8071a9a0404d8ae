from __future__ import annotations

import pytest

from opennps.environment import (
    ConfigurationError,
    env_bool,
    env_int,
    env_list,
    env_str,
    persistent_secret_key,
)


def test_env_bool_accepts_only_true_or_false(monkeypatch):
    monkeypatch.setenv("FLAG", "TRUE")
    assert env_bool("FLAG", False) is True
    monkeypatch.setenv("FLAG", "false")
    assert env_bool("FLAG", True) is False
    monkeypatch.setenv("FLAG", "yes")
    with pytest.raises(ConfigurationError, match="FLAG='yes' must be True or False"):
        env_bool("FLAG", False)


def test_env_bool_uses_the_default_when_unset(monkeypatch):
    monkeypatch.delenv("FLAG", raising=False)
    assert env_bool("FLAG", True) is True


def test_env_int_names_the_variable_it_cannot_read(monkeypatch):
    monkeypatch.setenv("WORKERS", "two")
    with pytest.raises(ConfigurationError, match="WORKERS='two' must be a whole number"):
        env_int("WORKERS", 1)


def test_env_list_splits_on_commas(monkeypatch):
    monkeypatch.setenv("HOSTS", " a.example , b.example,,")
    assert env_list("HOSTS", []) == ["a.example", "b.example"]


def test_a_secret_can_come_from_a_file(monkeypatch, tmp_path):
    secret = tmp_path / "key"
    secret.write_text("s3cret\n")
    monkeypatch.setenv("SECRET_KEY_FILE", str(secret))
    assert env_str("SECRET_KEY") == "s3cret"


def test_an_unreadable_secret_file_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setenv("SECRET_KEY_FILE", str(tmp_path / "missing"))
    with pytest.raises(ConfigurationError, match=r"SECRET_KEY_FILE=.*cannot be read"):
        env_str("SECRET_KEY")


def test_the_generated_secret_key_is_kept_private_and_stable(tmp_path):
    first = persistent_secret_key(tmp_path)
    assert persistent_secret_key(tmp_path) == first
    assert len(first) >= 50
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600
