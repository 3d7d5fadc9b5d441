"""Crash soak: many launches to first paint and full walks of every page, faulthandler on.

    python tests/benchmarks/soak.py [--launches 500] [--walks 100] [--seconds S] [--db FILE]

Each launch is ``python -X faulthandler -m cxjournal --db COPY gui --quit-after-paint``
on a copy of a 10-year demo journal (built as the benchmark builds it); each walk is
``gui --visit-pages``, which opens every page and exports its charts. A process that
dies of a signal (a segfault, an abort) is a crash: its faulthandler trace is kept in
the soak's folder and named in the summary. Stops after the counts or ``--seconds``,
whichever comes first, and prints one summary line (JSON); exits 1 after any crash or
failure. Not part of the test run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import scale  # noqa: E402  (beside this file)


def soak(db: Path, launches: int, walks: int, seconds: float, keep: Path) -> dict[str, object]:
    end = time.monotonic() + seconds
    counts = {"launches": 0, "walks": 0, "crashes": 0, "failures": 0}
    traces: list[str] = []
    every = max(1, (launches + walks) // max(1, walks))  # the walks spread among the launches
    plan: list[str] = []
    for index in range(launches + walks):
        walk = plan.count("walk") < walks and (
            index % every == every - 1 or plan.count("launch") >= launches
        )
        plan.append("walk" if walk else "launch")
    for number, kind in enumerate(plan):
        if time.monotonic() > end:
            break
        args = ["gui", "--visit-pages"] if kind == "walk" else ["gui", "--quit-after-paint"]
        done = subprocess.run(
            [sys.executable, "-X", "faulthandler", "-m", "cxjournal", "--db", str(db), *args],
            env=scale.ENV,
            capture_output=True,
            text=True,
        )
        counts["walks" if kind == "walk" else "launches"] += 1
        if done.returncode < 0:  # killed by a signal: a crash
            counts["crashes"] += 1
            trace = keep / f"crash-{number}-{kind}.txt"
            trace.write_text(done.stderr, encoding="utf-8")
            traces.append(str(trace))
        elif done.returncode != 0:
            counts["failures"] += 1
            (keep / f"failure-{number}-{kind}.txt").write_text(done.stderr, encoding="utf-8")
    return {**counts, "traces": traces}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--launches", type=int, default=500)
    parser.add_argument("--walks", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=24 * 3600.0)
    parser.add_argument("--db", type=Path, help="a journal to copy (default: 10-year demo)")
    args = parser.parse_args()
    source = args.db or scale.build(scale.SIZES[1])[1]
    keep = Path(tempfile.mkdtemp(prefix="cxjournal-soak-"))
    db = keep / "journal.db"
    shutil.copy2(source, db)
    summary = soak(db, args.launches, args.walks, args.seconds, keep)
    summary["folder"] = str(keep)
    print(json.dumps(summary))
    sys.exit(1 if summary["crashes"] or summary["failures"] else 0)


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    main()
