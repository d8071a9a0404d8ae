"""`make demo`: prepare the database, show the CLI analysis of the bundled sample, start the web app.

Runs from the checkout with the project's virtualenv; stops everything it started on Ctrl+C.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OPENNPS = [sys.executable, "-m", "opennps"]
SAMPLE = ROOT / "opennps" / "samples" / "responses.csv"


def run(*arguments: str) -> None:
    subprocess.run([*OPENNPS, *arguments], check=True, cwd=ROOT)


def wait_until_healthy(url: str, seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 (loopback URL we built)
                if response.status == 200:
                    return True
        except OSError:
            time.sleep(0.3)
    return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    options = parser.parse_args()

    print(f"Data directory: {os.environ.get('OPENNPS_DATA_DIR', '(default)')}")
    run("migrate", "--no-input", "--verbosity", "0")
    if SAMPLE.exists():
        print(f"\n$ opennps analyze {SAMPLE.relative_to(ROOT)} --by quarter --segment region\n")
        run("analyze", str(SAMPLE), "--by", "quarter", "--segment", "region")

    server = subprocess.Popen(
        [*OPENNPS, "serve", "--host", options.host, "--port", str(options.port), "--no-migrate"],
        cwd=ROOT,
    )
    base = f"http://{options.host}:{options.port}"
    try:
        if not wait_until_healthy(f"{base}/health/"):
            print(f"The web app did not answer on {base}/health/ within 30 s.", file=sys.stderr)
            return 1
        print(f"\nOpenNPS is running at {base}/  (health: {base}/health/). Press Ctrl+C to stop.")
        return server.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        if server.poll() is None:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=15)


if __name__ == "__main__":
    sys.exit(main())
