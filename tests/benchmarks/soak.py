"""Crash soak: many launches to first paint and full walks of every page, faulthandler on.

    python tests/benchmarks/soak.py [--launches 500] [--walks 100] [--logouts 0]
                                    [--seconds S] [--db FILE]

Each launch is ``python -X faulthandler -m cxjournal --db COPY gui --quit-after-paint``
on a copy of a 10-year demo journal (built as the benchmark builds it); each walk is
``gui --visit-pages``, which opens every page and exports its charts; each logout
starts ``gui`` with its warm-up and sends SIGTERM (as at logout) at a random moment
of the first four seconds after its first paint, while the hidden pages are being
built (the random moments are seeded, so a run can be repeated). A process that
dies of a signal (a segfault, an abort) is a crash: its faulthandler trace is kept in
the soak's folder and named in the summary. Stops after the counts or ``--seconds``,
whichever comes first, and prints one summary line (JSON); exits 1 after any crash or
failure. Not part of the test run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import scale  # noqa: E402  (beside this file)

#: SIGTERM comes this many seconds after the first paint at most (the warm-up's span)
LOGOUT_WITHIN_S = 4.0


def _command(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-X", "faulthandler", "-m", "cxjournal", "--db", str(db), *args]


def logout(db: Path, after_s: float, ready: Path) -> subprocess.CompletedProcess[str]:
    """The app with its warm-up, sent SIGTERM ``after_s`` seconds after its first paint."""
    ready.unlink(missing_ok=True)
    app = subprocess.Popen(
        _command(db, "gui", "--ready-file", str(ready)),
        cwd=scale.ROOT,  # ``-m`` finds the package in the working folder first
        env=scale.ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    while not ready.exists() and app.poll() is None:
        time.sleep(0.01)
    time.sleep(after_s)
    if app.poll() is None:
        app.send_signal(signal.SIGTERM)
    _out, err = app.communicate()
    return subprocess.CompletedProcess(app.args, app.returncode, "", err)


def soak(
    db: Path, launches: int, walks: int, seconds: float, keep: Path, logouts: int = 0
) -> dict[str, object]:
    end = time.monotonic() + seconds
    counts = {"launches": 0, "walks": 0, "logouts": 0, "crashes": 0, "failures": 0}
    traces: list[str] = []
    every = max(1, (launches + walks) // max(1, walks))  # the walks spread among the launches
    plan: list[str] = []
    for index in range(launches + walks):
        walk = plan.count("walk") < walks and (
            index % every == every - 1 or plan.count("launch") >= launches
        )
        plan.append("walk" if walk else "launch")
    plan += ["logout"] * logouts
    moments = random.Random(1)
    for number, kind in enumerate(plan):
        if time.monotonic() > end:
            break
        if kind == "logout":
            done = logout(db, moments.uniform(0.0, LOGOUT_WITHIN_S), keep / "painted")
        else:
            args = ["gui", "--visit-pages"] if kind == "walk" else ["gui", "--quit-after-paint"]
            done = subprocess.run(
                _command(db, *args), cwd=scale.ROOT, env=scale.ENV, capture_output=True, text=True
            )
        counts[{"walk": "walks", "launch": "launches", "logout": "logouts"}[kind]] += 1
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
    parser.add_argument("--logouts", type=int, default=0, help="SIGTERM during the warm-up")
    parser.add_argument("--seconds", type=float, default=24 * 3600.0)
    parser.add_argument("--db", type=Path, help="a journal to copy (default: 10-year demo)")
    args = parser.parse_args()
    source = args.db or scale.build(scale.SIZES[1])[1]
    keep = Path(tempfile.mkdtemp(prefix="cxjournal-soak-"))
    db = keep / "journal.db"
    shutil.copy2(source, db)
    summary = soak(db, args.launches, args.walks, args.seconds, keep, args.logouts)
    summary["folder"] = str(keep)
    print(json.dumps(summary))
    sys.exit(1 if summary["crashes"] or summary["failures"] else 0)


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    main()
