"""cxjournal's benchmark on a 10-year demo journal; prints a table of medians.

    bash scripts/run-benchmark            (installs .venv-bench, then runs this)
    python tests/benchmarks/run_benchmark.py [--runs N] [--skip-jrnl]

Builds `cxjournal demo --years 10 --seed 1`, imported once and cached under
.benchmarks/cache, and a heavy variant with about 20,000 notes for search.
Every figure is wall-clock on this machine; processes are timed from launch to exit.
Writes .benchmarks/latest.md and .benchmarks/latest.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
OUT = ROOT / ".benchmarks"
CACHE = OUT / "cache"
PY = sys.executable
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
ENV.pop("CXJOURNAL_PASSPHRASE", None)
# timed as an installed copy runs: from compiled bytecode (pip and the bundle compile it),
# which a PYTHONDONTWRITEBYTECODE in the caller's environment would leave unwritten
ENV.pop("PYTHONDONTWRITEBYTECODE", None)
#: the encrypted heavy journal's passphrase (an invented journal: not a secret)
PASSPHRASE = "benchmark passphrase, not a secret"


def run(cmd: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> float:
    """Wall-clock seconds of one process; raises if it fails."""
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env or ENV, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"benchmark: {' '.join(cmd)} failed:\n{done.stderr[-2000:]}")
    return elapsed


def cx(*args: str) -> list[str]:
    return [PY, "-m", "cxjournal", *args]


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


def build_journals() -> tuple[Path, Path, Path]:
    CACHE.mkdir(parents=True, exist_ok=True)
    from cxjournal import __version__

    demo_json = CACHE / "demo-10y-seed1.json"
    demo_db = CACHE / f"demo-10y-seed1-{__version__}.db"
    heavy_json = CACHE / "heavy-10y-seed1.json"
    heavy_db = CACHE / f"heavy-10y-seed1-{__version__}.db"
    if not demo_json.exists():
        run(cx("demo", "-o", str(demo_json), "--years", "10", "--seed", "1"))
    if not demo_db.exists():
        run(cx("--db", str(demo_db), "import", str(demo_json)))
    if not heavy_json.exists():
        code = (
            "import json, sys\n"
            "from cxjournal.exchange.demo import generate_heavy\n"
            "json.dump(generate_heavy(years=10, seed=1), open(sys.argv[1], 'w', encoding='utf-8'),"
            " ensure_ascii=False)\n"
        )
        run([PY, "-c", code, str(heavy_json)])
    if not heavy_db.exists():
        run(cx("--db", str(heavy_db), "import", str(heavy_json)))
    return demo_json, demo_db, heavy_db


def fresh_copy(db: Path, work: Path, name: str) -> Path:
    target = work / name / db.name
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(db, target)
    return target


def cold_start(db: Path, runs: int) -> tuple[float, float]:
    app, bare = [], []
    run([PY, str(HERE / "bare_window.py")])  # not counted: writes the bytecode of both
    run(cx("--db", str(db), "gui", "--quit-after-paint"))
    for _ in range(runs):
        bare.append(run([PY, str(HERE / "bare_window.py")]))
        app.append(run(cx("--db", str(db), "gui", "--quit-after-paint")))
    return median_ms(app), median_ms(bare)


def encrypted_heavy(heavy_db: Path) -> Path:
    """The heavy journal encrypted (``passphrase set`` on a copy in a folder of its own,
    since every copy beside a journal follows its passphrase), cached beside it."""
    target = CACHE / "encrypted" / heavy_db.name
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(heavy_db, target)
        env = {**ENV, "CXJOURNAL_NEW_PASSPHRASE": PASSPHRASE}
        subprocess.run(cx("--db", str(target), "passphrase", "set"), env=env, check=True)
    return target


def probe(db: Path, work: Path, *mode: str, passphrase: str | None = None) -> dict[str, Any]:
    ini = work / f"probe-{db.parent.name}{''.join(mode)}.ini"
    done = subprocess.run(
        [PY, str(HERE / "gui_probe.py"), str(db), str(ini), *mode],
        env={**ENV, "CXJOURNAL_PASSPHRASE": passphrase} if passphrase else ENV,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise SystemExit(f"benchmark: gui probe failed:\n{done.stderr[-3000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def first_clicks(db: Path, work: Path, name: str) -> dict[str, Any]:
    """Each page's first click the moment the window appears, each in a process of its own
    (so no click profits from the one before)."""
    from cxjournal.ui.pages import PAGES

    clicks: dict[str, float] = {}
    for spec in PAGES:
        copy = fresh_copy(db, work, f"{name}-{spec.key}")
        found = probe(copy, work, "--immediate", "--page", spec.key)
        clicks.update(found["immediate_first_visit_ms"])
    return {"immediate_first_visit_ms": clicks}


def cli_timings(demo_json: Path, db: Path, work: Path, runs: int) -> dict[str, float]:
    timings: dict[str, list[float]] = {
        "audit show latest --json": [],
        "export": [],
        "import (empty journal)": [],
        "audit export --format pdf": [],
    }
    for index in range(runs):
        timings["audit show latest --json"].append(
            run(cx("--db", str(db), "audit", "show", "latest", "--json"))
        )
        timings["export"].append(run(cx("--db", str(db), "export", "-o", str(work / "out.json"))))
        target = work / f"import-{index}" / "journal.db"
        target.parent.mkdir()
        timings["import (empty journal)"].append(
            run(cx("--db", str(target), "import", str(demo_json)))
        )
        timings["audit export --format pdf"].append(
            run(
                cx(
                    "--db",
                    str(db),
                    "audit",
                    "export",
                    "latest",
                    "--format",
                    "pdf",
                    "-o",
                    str(work / "latest.pdf"),
                )
            )
        )
    return {name: median_ms(samples) for name, samples in timings.items()}


def calendar_timings(db: Path, work: Path, runs: int) -> dict[str, float]:
    """Ten years of a busy calendar: the app's read of the changed file (in the running
    app, medians of ``runs`` fresh processes) and ``cxjournal calendar add`` as a whole
    process (into a copy of the demo journal ``db``)."""
    reads: list[dict[str, float]] = []
    adds: list[float] = []
    for index in range(runs):
        folder = work / f"calendar-{index}"
        done = subprocess.run(
            [PY, str(HERE / "calendar_read.py"), str(folder)],
            env=ENV,
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            raise SystemExit(f"benchmark: calendar read failed:\n{done.stderr[-3000:]}")
        reads.append(json.loads(done.stdout.strip().splitlines()[-1]))
        target = fresh_copy(db, folder, "add")
        adds.append(run(cx("--db", str(target), "calendar", "add", str(folder / "busy.ics"))))
    return {
        "read_wall_ms": median_ms([r["wall_s"] for r in reads]),
        "read_cpu_ms": median_ms([r["cpu_s"] for r in reads]),
        "add_process_ms": median_ms(adds),
    }


def jrnl_comparison(
    heavy_json: Path, heavy_db: Path, work: Path, words: list[str]
) -> dict[str, float]:
    jrnl = os.environ.get("JRNL") or shutil.which("jrnl") or str(Path(PY).parent / "jrnl")
    if not Path(jrnl).exists():
        raise SystemExit("benchmark: jrnl is not installed (pip install jrnl), or use --skip-jrnl")
    doc = json.loads(heavy_json.read_text(encoding="utf-8"))
    journal_file = work / "jrnl" / "journal.txt"
    journal_file.parent.mkdir()
    with journal_file.open("w", encoding="utf-8") as out:
        for note in sorted(doc.get("notes", []), key=lambda n: n["on"]):
            text = " ".join(note["text"].split())
            out.write(f"[{note['on']} 09:00] {text}\n\n")
    config_home = work / "jrnl-config"
    (config_home / "jrnl").mkdir(parents=True)
    (config_home / "jrnl" / "jrnl.yaml").write_text(
        "colors: {body: none, date: none, tags: none, title: none}\n"
        "default_hour: 9\ndefault_minute: 0\neditor: ''\nencrypt: false\nhighlight: false\n"
        "indent_character: '|'\n"
        f"journals:\n  default:\n    journal: {journal_file}\n"
        "linewrap: 79\ntagsymbols: '#@'\ntemplate: false\ntimeformat: '%Y-%m-%d %H:%M'\n"
        "version: v4.6\n",
        encoding="utf-8",
    )
    jrnl_env = {**ENV, "XDG_CONFIG_HOME": str(config_home), "HOME": str(work)}
    jrnl_times, cx_times = [], []
    for word in words:
        jrnl_times.append(run([jrnl, "-contains", word], env=jrnl_env))
        cx_times.append(run(cx("--db", str(heavy_db), "search", word)))
    return {"jrnl -contains": median_ms(jrnl_times), "cxjournal search": median_ms(cx_times)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--skip-jrnl", action="store_true")
    parser.add_argument(
        "--skip-scale",
        action="store_true",
        help="leave out the costs against size (1, 10, 30 years, ~100k notes; scale.py)",
    )
    parser.add_argument("--skip-big", action="store_true", help="scale without the ~100k journal")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    demo_json, demo_db, heavy_db = build_journals()
    heavy_json = CACHE / "heavy-10y-seed1.json"
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="cxbench-") as tmp:
        work = Path(tmp)
        start_db = fresh_copy(demo_db, work, "start")
        app_ms, bare_ms = cold_start(start_db, args.runs)
        results["cold_start"] = {
            "cxjournal_ms": app_ms,
            "bare_pyside6_ms": bare_ms,
            "ratio": app_ms / bare_ms,
        }
        results["demo"] = probe(fresh_copy(demo_db, work, "probe"), work)
        results["immediate"] = first_clicks(demo_db, work, "immediate")
        results["idle"] = probe(fresh_copy(demo_db, work, "idle"), work, "--idle")
        results["heavy_immediate"] = first_clicks(heavy_db, work, "heavy-immediate")
        results["heavy_idle"] = probe(fresh_copy(heavy_db, work, "heavy-idle"), work, "--idle")
        results["heavy"] = probe(fresh_copy(heavy_db, work, "heavy"), work)
        results["heavy_encrypted"] = probe(
            fresh_copy(encrypted_heavy(heavy_db), work, "heavy-encrypted"),
            work,
            "--search",
            passphrase=PASSPHRASE,
        )
        results["cli"] = cli_timings(demo_json, fresh_copy(demo_db, work, "cli"), work, 3)
        results["calendar"] = calendar_timings(demo_db, work, 3)
        if not args.skip_jrnl:
            words = [
                "churn",
                "budget",
                "roadmap",
                "escalation",
                "journey",
                "onboarding",
                "pricing",
                "renewal",
                "dashboard",
                "survey",
            ]
            results["jrnl"] = jrnl_comparison(heavy_json, heavy_db, work, words)
    if not args.skip_scale:
        import scale

        results["scale"] = scale.measure(3, args.skip_big)
    (OUT / "latest.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    table = render(results)
    (OUT / "latest.md").write_text(table, encoding="utf-8")
    print(table)


def render(r: dict[str, Any]) -> str:
    def ok(value: float, limit: float) -> str:
        return "yes" if value <= limit else "**no**"

    lines = ["| measure | median | target | met |", "|---|---:|---:|:-:|"]
    cs = r["cold_start"]
    lines.append(
        f"| cold start, 10-year journal, to first paint | {cs['cxjournal_ms']:.0f} ms | | |"
    )
    lines.append(f"| bare PySide6 window, to first paint | {cs['bare_pyside6_ms']:.0f} ms | | |")
    lines.append(f"| ratio | {cs['ratio']:.2f}x | <= 2x | {ok(cs['ratio'], 2)} |")
    demo = r["demo"]
    for key, ms in demo["first_visit_ms"].items():
        lines.append(f"| first visit: {key} | {ms:.0f} ms | <= 150 ms | {ok(ms, 150)} |")
    immediate = r["immediate"]["immediate_first_visit_ms"]
    for key, ms in immediate.items():
        warm = demo["first_visit_ms"].get(key) or ms
        ratio = ms / warm if warm else 1.0
        lines.append(
            f"| first click on {key} the moment the window appears (x after warm-up) "
            f"| {ms:.0f} ms ({ratio:.1f}x) | <= 1.5x | {ok(ratio, 1.5)} |"
        )
    heavy = r["heavy"]
    for key, ms in r.get("heavy_immediate", {}).get("immediate_first_visit_ms", {}).items():
        warm = heavy["first_visit_ms"].get(key) or ms
        ratio = ms / warm if warm else 1.0
        lines.append(
            f"| ~100k notes: first click on {key} the moment the window appears (x after "
            f"warm-up) | {ms:.0f} ms ({ratio:.1f}x) | <= 1.5x | {ok(ratio, 1.5)} |"
        )
    for label, idle in (("", r["idle"]), ("~100k notes: ", r.get("heavy_idle"))):
        if idle is None:
            continue
        lines.append(
            f"| {label}window answers input, after first paint | "
            f"{idle['answers_input_ms']:.0f} ms | <= 300 ms | {ok(idle['answers_input_ms'], 300)} |"
        )
        lines.append(
            f"| {label}longest GUI-thread stall in the 4 s after first paint | "
            f"{idle['longest_stall_ms']:.0f} ms | <= 50 ms | {ok(idle['longest_stall_ms'], 50)} |"
        )
    for key, ms in demo["second_visit_ms"].items():
        lines.append(f"| second visit: {key} | {ms:.1f} ms | <= 30 ms | {ok(ms, 30)} |")
    if demo.get("trends_render_ms") is not None:
        ms = demo["trends_render_ms"]
        lines.append(
            f"| Trends redraw (query and charts), ten years | {ms:.0f} ms | <= 150 ms "
            f"| {ok(ms, 150)} |"
        )
    if demo.get("trends_range_switch_ms") is not None:
        ms = demo["trends_range_switch_ms"]
        lines.append(
            f"| Trends range switch, ten years (slowest of 9) | {ms:.0f} ms | <= 30 ms "
            f"| {ok(ms, 30)} |"
        )
    heavy = r["heavy"]
    if heavy.get("search_ms"):
        p50 = percentile(heavy["search_ms"], 50)
        p95 = percentile(heavy["search_ms"], 95)
        lines.append(f"| in-app search, 20,000 notes, p50 | {p50:.1f} ms | | |")
        lines.append(
            f"| in-app search, 20,000 notes, p95 | {p95:.1f} ms | <= 20 ms | {ok(p95, 20)} |"
        )
    if heavy.get("dialog_search_ms"):
        p95 = percentile(heavy["dialog_search_ms"], 95)
        pause = heavy.get("typing_pause_ms") or 0
        lines.append(
            f"| search through the dialog, 20,000 notes, p95 (results painted; after the "
            f"{pause:.0f} ms typing pause) | {p95:.1f} ms | <= 50 ms | {ok(p95, 50)} |"
        )
    locked = r.get("heavy_encrypted") or {}
    if locked.get("search_ms") and locked.get("dialog_search_ms"):
        query, dialog = (percentile(locked[k], 95) for k in ("search_ms", "dialog_search_ms"))
        lines.append(f"| in-app search, 20,000 notes, encrypted, p95 | {query:.1f} ms | | |")
        lines.append(
            f"| search through the dialog, 20,000 notes, encrypted, p95 | {dialog:.1f} ms "
            f"| <= 50 ms | {ok(dialog, 50)} |"
        )
    limits = {"export": 1000, "import (empty journal)": 3000, "audit export --format pdf": 1000}
    for name, ms in r["cli"].items():
        limit = limits.get(name)
        target = f"<= {limit / 1000:.0f} s" if limit else ""
        met = ok(ms, limit) if limit else ""
        lines.append(f"| `cxjournal {name}` (whole process) | {ms:.0f} ms | {target} | {met} |")
    if "calendar" in r:
        cal = r["calendar"]
        read_ms = cal["read_wall_ms"]
        lines.append(
            f"| reading a changed 10-year busy calendar (50,800 occurrences), in the app "
            f"| {read_ms:.0f} ms ({cal['read_cpu_ms']:.0f} ms CPU) | <= 1 s | {ok(read_ms, 1000)} |"
        )
        lines.append(
            f"| `cxjournal calendar add` of that calendar (whole process) "
            f"| {cal['add_process_ms']:.0f} ms | | |"
        )
    mem = max(demo["peak_memory_mb"], 0)
    lines.append(
        f"| GUI peak memory, every page opened | {mem:.0f} MB | <= 250 MB | {ok(mem, 250)} |"
    )
    if "scale" in r:
        import scale

        lines += scale.render(r["scale"])
    if "jrnl" in r:
        j = r["jrnl"]
        ratio = j["jrnl -contains"] / j["cxjournal search"]
        lines.append(f"| `jrnl -contains WORD`, 20,000 notes | {j['jrnl -contains']:.0f} ms | | |")
        lines.append(
            f"| `cxjournal search WORD`, same notes | {j['cxjournal search']:.0f} ms | | |"
        )
        lines.append(
            f"| jrnl / cxjournal | {ratio:.1f}x | >= 3x | {'yes' if ratio >= 3 else '**no**'} |"
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
