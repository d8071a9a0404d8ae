"""`make demo`: prepare the database, load the demo organisation, show the CLI analysis of the bundled
sample, start the web app and print how to sign in.

Runs from the checkout with the project's virtualenv; stops everything it started on Ctrl+C.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from opennps.demo.company import DEMO_EMAIL, DEMO_PASSWORD

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


def start_services(host: str, port: int) -> dict[str, subprocess.Popen[bytes]]:
    """Every long-running process of the demo, by name, so stopping the demo stops them all."""
    return {
        "web app": subprocess.Popen(
            [*OPENNPS, "serve", "--host", host, "--port", str(port), "--no-migrate"], cwd=ROOT
        ),
        "worker": subprocess.Popen([*OPENNPS, "worker"], cwd=ROOT),
    }


def stop_services(services: dict[str, subprocess.Popen[bytes]]) -> None:
    for process in services.values():
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
    for process in services.values():
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


def wait_for_any_exit(services: dict[str, subprocess.Popen[bytes]]) -> int:
    """Block until one service stops (it should not); its exit status becomes the demo's."""
    while True:
        for name, process in services.items():
            status = process.poll()
            if status is not None:
                print(f"The {name} stopped (exit status {status}).", file=sys.stderr)
                return status or 1
        time.sleep(0.5)


def port_is_free(host: str, port: int) -> bool:
    with socket.socket() as probe:
        # As the web server binds: connections of a demo stopped a moment ago (TIME_WAIT) do not
        # count as "in use"; a process still listening there does.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    options = parser.parse_args()

    # Checked first: otherwise the health check could reach whatever else listens there.
    if not port_is_free(options.host, options.port):
        print(
            f"Port {options.port} on {options.host} is already in use. Stop what runs there, "
            f"or choose another port: make demo PORT={options.port + 1}",
            file=sys.stderr,
        )
        return 1
    print(f"Data directory: {os.environ.get('OPENNPS_DATA_DIR', '(default)')}")
    # Survey links, QR codes and the widget snippet must point at this demo, not at port 8000.
    os.environ.setdefault("OPENNPS_BASE_URL", f"http://{options.host}:{options.port}")
    run("migrate", "--no-input", "--verbosity", "0")
    # Loads once; later runs say the data is already there and change nothing.
    run("demo_data", "--email", DEMO_EMAIL, "--password", DEMO_PASSWORD)
    if SAMPLE.exists():
        print(f"\n$ opennps analyze {SAMPLE.relative_to(ROOT)} --by quarter --segment region\n")
        run("analyze", str(SAMPLE), "--by", "quarter", "--segment", "region")

    # `kill` (SIGTERM) stops the demo as cleanly as Ctrl+C: the services are stopped in `finally`.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
    services = start_services(options.host, options.port)
    base = f"http://{options.host}:{options.port}"
    try:
        if not wait_until_healthy(f"{base}/health/"):
            print(f"The web app did not answer on {base}/health/ within 30 s.", file=sys.stderr)
            return 1
        print(
            f"\nOpenNPS is running at {base}/  (health: {base}/health/)\n"
            f"Sign in at {base}/accounts/login/ as {DEMO_EMAIL} / {DEMO_PASSWORD}\n"
            "Press Ctrl+C to stop.",
            flush=True,
        )
        return wait_for_any_exit(services)
    except KeyboardInterrupt:
        return 0
    finally:
        stop_services(services)


if __name__ == "__main__":
    sys.exit(main())
