"""E-mail campaign throughput: N invitations through two `opennps worker` processes to a local
SMTP server (aiosmtpd on loopback, tests/smtp.py), then the duplicates left by killing a worker.

1. queue a campaign of N contacts with `opennps campaign send` (timed);
2. start two workers; messages per second from the first to the last message accepted;
3. a second campaign to the same contacts: two workers, one SIGKILLed a third of the way through,
   its leases expired (as after 5 minutes), a new worker started; count repeated messages.

Prints a markdown table. Throttling windows are 0 and quiet hours off, so both campaigns send.

    .venv/bin/python bench/send.py [--contacts 100000] [--database sqlite|postgres] [--workers 2]

The SMTP server's own per-command INFO log lines are silenced: a real mail server is another
process, and writing them from this one took CPU away from the workers being measured.
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

from bench_database import fresh_postgres_database

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BENCH_DATABASE = "opennps_bench_send"
HEADER = re.compile(rb"^Message-ID:\s*(\S+)", re.IGNORECASE | re.MULTILINE)


class CountingInbox:
    """Keeps only each message's Message-ID: 100,000 parsed messages would not fit in memory."""

    def __init__(self) -> None:
        self.ids: list[bytes] = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope) -> str:  # aiosmtpd's hook name
        head = envelope.content[: envelope.content.find(b"\r\n\r\n")]
        found = HEADER.search(head)
        with self.lock:
            self.ids.append(found.group(1) if found else b"?")
        return "250 Message accepted for delivery"

    def count(self) -> int:
        return len(self.ids)


def machine_cpu_seconds() -> float | None:
    """CPU time every process on the machine has used (Linux /proc/stat), or None elsewhere."""
    try:
        fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    except OSError:
        return None
    user, nice, system, _idle, _iowait, irq, softirq = (int(value) for value in fields[:7])
    return (user + nice + system + irq + softirq) / os.sysconf("SC_CLK_TCK")


def stop(worker: subprocess.Popen, kill: bool = False) -> float:
    """Stop a worker and return the CPU seconds it used (user + system)."""
    worker.send_signal(signal.SIGKILL if kill else signal.SIGTERM)
    _, _, usage = os.wait4(worker.pid, 0)
    worker.returncode = 0  # reaped above; keeps Popen from waiting again
    return usage.ru_utime + usage.ru_stime


def start_worker(environment: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "opennps", "worker", "--poll", "0.2"],
        env=environment,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def setup_data(contacts: int) -> tuple[int, int]:
    """Two active surveys and N contacts (half en, half ru); the workspace's rules for the bench."""
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from opennps.accounts.models import Organisation, Workspace
    from opennps.contacts.models import Contact
    from opennps.distribution.models import DistributionSettings
    from opennps.surveys.models import Survey
    from opennps.surveys.versions import publish_version

    workspace = Workspace.objects.create(
        organisation=Organisation.objects.create(name="Bench"), name="Bench"
    )
    DistributionSettings.objects.create(
        workspace=workspace,
        days_between_any_survey=0,
        days_between_same_survey=0,
        quiet_hours_start=0,
        quiet_hours_end=0,
    )
    surveys = []
    for name in ("First", "Second"):
        survey = Survey.objects.create(
            workspace=workspace, name=name, brand="Bench", status="active", languages=["en", "ru"]
        )
        publish_version(survey)
        surveys.append(survey.pk)
    Contact.objects.bulk_create(
        (
            Contact(
                workspace=workspace,
                email=f"person{i}@bench.example",
                language="ru" if i % 2 else "en",
            )
            for i in range(contacts)
        ),
        batch_size=5000,
    )
    return surveys[0], surveys[1]


def queue(environment: dict[str, str], survey_id: int) -> tuple[int, float]:
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "opennps", "campaign", "send", "--survey", str(survey_id),
         "--channel", "email"],
        env=environment, cwd=ROOT, check=True, capture_output=True, text=True,
    )  # fmt: skip
    return int(result.stdout.strip()), time.monotonic() - started


def unsent(campaign_id: int) -> int:
    from opennps.distribution.models import Delivery
    from opennps.work.models import WorkStatus

    return (
        Delivery.objects.filter(invitation__campaign_id=campaign_id, kind="invitation")
        .exclude(status__in=[WorkStatus.DONE, WorkStatus.FAILED])
        .count()
    )


def wait_for(inbox: CountingInbox, count: int, campaign_id: int, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if inbox.count() >= count and unsent(campaign_id) == 0:
            return
        time.sleep(0.2)
    raise SystemExit(f"timed out: {inbox.count()} of {count} messages")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=100_000)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--workers", type=int, default=2, help="workers in the timed run")
    arguments = parser.parse_args()
    n = arguments.contacts

    from aiosmtpd.controller import Controller

    from tests.smtp import free_port

    data_dir = tempfile.mkdtemp(prefix="opennps-bench-send-")
    database_url = (
        fresh_postgres_database(BENCH_DATABASE)
        if arguments.database == "postgres"
        else f"sqlite:///{data_dir}/bench.sqlite3"
    )
    inbox = CountingInbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    environment = {
        **os.environ,
        "OPENNPS_DATA_DIR": data_dir,
        "DATABASE_URL": database_url,
        "OPENNPS_SMTP_URL": f"smtp://127.0.0.1:{port}",
        "OPENNPS_BASE_URL": "https://nps.example",
        "DJANGO_SETTINGS_MODULE": "opennps.settings",
    }
    os.environ.update(environment)
    import django

    django.setup()
    logging.getLogger("mail.log").setLevel(logging.WARNING)
    from django.utils import timezone

    from opennps.distribution.models import Delivery
    from opennps.work.models import WorkStatus

    first_survey, second_survey = setup_data(n)
    load_at_start = os.getloadavg()[0]
    rows: list[tuple[str, str]] = [("database", arguments.database), ("invitations", f"{n:,}")]

    campaign, queue_seconds = queue(environment, first_survey)
    rows.append(("queue the campaign (`opennps campaign send`)", f"{queue_seconds:.1f} s"))
    workers = [start_worker(environment) for _ in range(arguments.workers)]
    started = time.monotonic()
    server_cpu_before = time.process_time()
    machine_cpu_before = machine_cpu_seconds()
    wait_for(inbox, n, campaign, seconds=3600)
    elapsed = time.monotonic() - started
    server_cpu = time.process_time() - server_cpu_before
    machine_cpu_after = machine_cpu_seconds()
    cpu = sum(stop(worker) for worker in workers)
    rows.append((f"send with {arguments.workers} worker(s)", f"{elapsed:.1f} s"))
    rows.append(("messages per second", f"**{n / elapsed:,.0f}**"))
    rows.append(("worker CPU per message", f"{cpu / n * 1000:.1f} ms"))
    # This process is the SMTP server (one asyncio thread) and the bench's own polling.
    rows.append(("SMTP server CPU per message", f"{server_cpu / n * 1000:.1f} ms"))
    if machine_cpu_before is not None and machine_cpu_after is not None:
        # Workers, SMTP server, PostgreSQL and anything else running: the whole budget.
        machine = (machine_cpu_after - machine_cpu_before) / n * 1000
        rows.append(("machine CPU per message (every process)", f"{machine:.1f} ms"))
    rows.append(("machine load average (1 min) at the end", f"{os.getloadavg()[0]:.1f}"))
    rows.append(("machine load average (1 min) at the start", f"{load_at_start:.1f}"))
    first_ids = Counter(inbox.ids)
    rows.append(("repeated messages (no kill)", str(sum(first_ids.values()) - len(first_ids))))

    inbox.ids.clear()
    campaign, _ = queue(environment, second_survey)
    workers = [start_worker(environment) for _ in range(2)]
    while inbox.count() < n // 3:
        time.sleep(0.05)
    stop(workers[0], kill=True)
    # The killed worker's leases would run out after 5 minutes; let that time pass.
    Delivery.objects.filter(status=WorkStatus.RUNNING).update(
        lease_until=timezone.now() - timedelta(seconds=1)
    )
    workers.append(start_worker(environment))
    wait_for(inbox, n, campaign, seconds=3600)
    for worker in workers[1:]:
        stop(worker)
    second_ids = Counter(inbox.ids)
    rows.append(("messages after killing one of two workers", f"{sum(second_ids.values()):,}"))
    rows.append(("distinct messages", f"{len(second_ids):,}"))
    rows.append(("repeated messages (kill)", str(sum(second_ids.values()) - len(second_ids))))
    controller.stop()

    print("| measure | value |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")


if __name__ == "__main__":
    main()
