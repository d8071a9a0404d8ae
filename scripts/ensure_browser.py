"""Make sure Chromium is there for the browser tests (tests/browser/).

The tests drive Debian's Chromium at /usr/bin/chromium through Playwright (no browser download).
Run as root on Debian/Ubuntu and it installs `chromium` and `fonts-noto-cjk` (so Chinese renders);
otherwise it says what to install. Exit status 0 when Chromium is ready, 1 when it is not.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CJK_FONTS = Path("/usr/share/fonts/opentype/noto")
# Pango also renders the PDF report (WeasyPrint); it usually arrives with Chromium anyway.
PACKAGES = ["chromium", "fonts-noto-cjk", "libpango-1.0-0", "libpangoft2-1.0-0"]


def ready() -> bool:
    """Chromium, and the CJK fonts without which Chinese renders as boxes."""
    pango = any(
        Path(d).glob("libpangoft2-1.0.so*")
        for d in ("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib")
    )
    return CHROMIUM.exists() and any(CJK_FONTS.glob("NotoSansCJK*")) and pango


def install_with_apt() -> bool:
    environment = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (
        ["apt-get", "update", "-qq"],
        ["apt-get", "install", "-y", "-qq", *PACKAGES],
    ):
        print("$", " ".join(command), flush=True)
        if subprocess.call(command, env=environment) != 0:
            return False
    return ready()


def main() -> int:
    if ready():
        print(f"Chromium is ready: {CHROMIUM}")
        return 0
    can_install = hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get")
    if can_install and install_with_apt():
        print(f"Installed {', '.join(PACKAGES)}; Chromium is ready: {CHROMIUM}")
        return 0
    print(
        f"Chromium ({CHROMIUM}) or the CJK fonts are missing; the browser tests need them.\n"
        f"Install it as root:  apt-get update && apt-get install -y {' '.join(PACKAGES)}\n"
        "(or run this script as root on Debian/Ubuntu and it will do that).",
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())
