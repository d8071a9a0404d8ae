"""`make bench`: run every benchmark in bench/ one after another and print their reports.

Each benchmark is a script `bench/<name>.py` that prints a markdown section; the results and the
exact commands are kept in docs/benchmarks.md. Pass names to run only some: `bench/run_all.py analyze`.
Benchmarks measure; they never fail a build on a number.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent


def main() -> int:
    wanted = set(sys.argv[1:])
    scripts = sorted(
        path
        for path in BENCH_DIR.glob("*.py")
        if path.name != "run_all.py"
        and not path.name.startswith("_")
        and (not wanted or path.stem in wanted)
    )
    if not scripts:
        print(f"No benchmark matches {', '.join(sorted(wanted))}.", file=sys.stderr)
        return 2
    status = 0
    for script in scripts:
        print(f"\n## bench/{script.name}\n", flush=True)
        status |= subprocess.call([sys.executable, str(script)])
    return status


if __name__ == "__main__":
    sys.exit(main())
