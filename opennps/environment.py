"""Strict readers for settings that come from the environment.

Kept free of Django so the CLI and the settings module can share them.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path


class ConfigurationError(RuntimeError):
    """A setting in the environment has a value OpenNPS cannot use."""


def env_str(name: str, default: str = "") -> str:
    """The variable's value, or the content of the file named by NAME_FILE (for secrets)."""
    file_name = os.environ.get(f"{name}_FILE")
    if file_name:
        try:
            return Path(file_name).read_text(encoding="utf-8").strip()
        except OSError as error:
            raise ConfigurationError(f"{name}_FILE={file_name} cannot be read: {error}") from None
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    """Only "True" or "False" (any case) are accepted, so a typo never silently flips a switch."""
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    if raw.lower() == "true":
        return True
    if raw.lower() == "false":
        return False
    raise ConfigurationError(f"{name}={raw!r} must be True or False")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ConfigurationError(f"{name}={raw!r} must be a whole number") from None


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def data_directory() -> Path:
    """Where the SQLite database, uploads and the generated secret key live."""
    configured = os.environ.get("OPENNPS_DATA_DIR")
    if configured:
        path = Path(configured).expanduser()
    else:
        xdg = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        path = Path(xdg) / "opennps"
    path.mkdir(parents=True, exist_ok=True)
    return path.resolve()


def persistent_secret_key(directory: Path) -> str:
    """A random key created once per installation, so a laptop install needs no configuration.

    A cluster of web machines must share one key: set SECRET_KEY (or SECRET_KEY_FILE) there.
    """
    key_file = directory / "secret_key"
    if key_file.exists():
        return key_file.read_text(encoding="utf-8").strip()
    key = secrets.token_urlsafe(50)
    descriptor = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(key)
    return key
