"""Benchmark `opennps analyze` against Polars alone on the same file.

    python bench/analyze.py                 # 10 million rows (the target in docs/benchmarks.md)
    python bench/analyze.py --rows 200000   # a quick run

It writes a CSV of N answers (date, score and two segment columns) once, cached under
var/bench/ (or --data-dir), then measures, each in a fresh child process:

(a) Polars alone: scan the CSV and group by (month, a, b, score), the least any NPS-by-month-
    and-segment analysis has to do;
(b) the library: `analyze_file(path, AnalyzeOptions(by="month", segments=("a", "b")))`;
(c) the command: `python -m opennps analyze FILE --by month --segment a --segment b --format json`
    as a user runs it (interpreter start-up and imports included).

Each run is a new child process, and the three are interleaved --repeat times so that load from
other work on the machine hits them alike; the table gives the best and the median. For (a) and
(b) the child times the call itself; (c) is the wall-clock time of the whole process. Peak memory
is each child's maximum resident set size (`ru_maxrss` from wait4). The target: (b) at most 2x
(a). Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MIB = 1024 * 1024
SEGMENT_A = ["Almaty", "Astana", "Sofia", "London", "Shanghai", "Berlin", "Austin", "Lagos"]
SEGMENT_B = ["web", "phone", "email", "app", "store"]
SCORE_WEIGHTS = [0.03, 0.02, 0.03, 0.03, 0.04, 0.06, 0.09, 0.14, 0.17, 0.18, 0.21]

POLARS_ALONE = """
import json, sys, time, polars as pl
path, repeat = sys.argv[1], int(sys.argv[2])
times = []
for _ in range(repeat):
    start = time.perf_counter()
    counts = (
        pl.scan_csv(path, try_parse_dates=True)
        .group_by(pl.col("date").dt.truncate("1mo"), "a", "b", "score")
        .len()
        .collect()
    )
    times.append(time.perf_counter() - start)
print(json.dumps({"times": times, "groups": counts.height}))
"""

LIBRARY = """
import json, sys, time
from opennps.analyze import AnalyzeOptions, analyze_file
path, repeat = sys.argv[1], int(sys.argv[2])
times = []
for _ in range(repeat):
    start = time.perf_counter()
    report = analyze_file(path, AnalyzeOptions(by="month", segments=("a", "b")))
    times.append(time.perf_counter() - start)
print(json.dumps({"times": times, "n": report.headline.n, "nps": report.headline.nps}))
"""


def generate(rows: int, data_dir: Path) -> Path:
    """Write the benchmark CSV once; later runs with the same --rows reuse it."""
    path = data_dir / f"analyze-{rows}.csv"
    if path.exists():
        return path
    import numpy as np
    import polars as pl

    data_dir.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(20250101)
    days = rng.integers(0, 365, rows)
    frame = pl.DataFrame(
        {
            "date": pl.Series(days).cast(pl.Int32) + 20089,  # days since 1970: 2025-01-01
            "score": rng.choice(11, rows, p=SCORE_WEIGHTS),
            "a": rng.choice(SEGMENT_A, rows),
            "b": rng.choice(SEGMENT_B, rows),
        }
    ).with_columns(pl.col("date").cast(pl.Date))
    partial = path.with_suffix(".partial")
    frame.write_csv(partial)
    partial.rename(path)
    return path


def run_child(command: list[str]) -> tuple[float, int, str]:
    """Run a child process; return its wall time, peak RSS in bytes and its stdout."""
    start = time.perf_counter()
    with subprocess.Popen(command, stdout=subprocess.PIPE, cwd=REPO) as process:
        output = process.stdout.read().decode() if process.stdout else ""
        _pid, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
    elapsed = time.perf_counter() - start
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed with status {process.returncode}")
    return elapsed, usage.ru_maxrss * 1024, output  # ru_maxrss is in KiB on Linux


def measure(command: list[str]) -> tuple[float, int, dict]:
    """(seconds, peak RSS bytes, child's JSON). The child's own timing when it reports one."""
    wall, memory, output = run_child(command)
    data = json.loads(output) if output.strip().startswith("{") else {}
    return (data["times"][0] if "times" in data else wall), memory, data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--data-dir", type=Path, default=REPO / "var" / "bench")
    parser.add_argument("--generate-only", action="store_true", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.generate_only:
        print(generate(arguments.rows, arguments.data_dir))
        return

    # Generate in a child: on Linux a child's ru_maxrss starts from its parent's at fork time,
    # so this process must stay small for the memory figures to mean anything.
    path = Path(
        subprocess.run(
            [
                sys.executable,
                __file__,
                "--generate-only",
                "--rows",
                str(arguments.rows),
                "--data-dir",
                str(arguments.data_dir),
            ],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    python = sys.executable
    cli = [python, "-m", "opennps", "analyze", str(path), "--by", "month"]
    cli += ["--segment", "a", "--segment", "b", "--format", "json"]
    commands = {
        "polars": [python, "-c", POLARS_ALONE, str(path), "1"],
        "library": [python, "-c", LIBRARY, str(path), "1"],
        "cli": cli,
    }
    seconds: dict[str, list[float]] = {name: [] for name in commands}
    memory: dict[str, int] = dict.fromkeys(commands, 0)
    library: dict = {}
    # Interleave the three so a busy machine slows them alike; report best and median.
    for _ in range(arguments.repeat):
        for name, command in commands.items():
            elapsed, peak, data = measure(command)
            seconds[name].append(elapsed)
            memory[name] = max(memory[name], peak)
            library = data if name == "library" else library

    def row(label: str, name: str) -> str:
        best, median = min(seconds[name]), statistics.median(seconds[name])
        ratio_best = best / min(seconds["polars"])
        ratio_median = median / statistics.median(seconds["polars"])
        return (
            f"| {label} | {best:.2f} | {median:.2f} | {ratio_best:.2f} | {ratio_median:.2f} "
            f"| {memory[name] / MIB:,.0f} |"
        )

    print(
        f"`python bench/analyze.py --rows {arguments.rows} --repeat {arguments.repeat}`: "
        f"{arguments.rows:,} rows, {path.stat().st_size / MIB:,.0f} MiB CSV; "
        f"Python {platform.python_version()}, {os.cpu_count()} CPUs, {platform.machine()}; "
        f"NPS {library['nps']:.1f} on n = {library['n']:,}.\n"
    )
    print("| measurement | best s | median s | × Polars (best) | × Polars (median) | peak MiB |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    print(row("(a) Polars alone: scan CSV, group by month, a, b, score", "polars"))
    print(row('(b) `analyze_file(path, by="month", segments=("a", "b"))`', "library"))
    print(row("(c) `opennps analyze FILE --by month --segment a --segment b --format json`", "cli"))


if __name__ == "__main__":
    main()
