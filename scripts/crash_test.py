"""Crash and fault test: kill cxjournal at random and at every fsync, then count what survived.

Run it with ``bash scripts/crash-test [--seconds S] [--kills N] [--seed N]``. It works
in a temporary folder and never touches your own journal. Every round ends with
the same checks: the journal passes ``check``, opens again, and holds every write
that was acknowledged before the kill (a commit whose ``ack`` line was printed, an
import or restore that said it was done). It prints one summary line and exits
non-zero if any check failed.

The rounds:

* an fsync fault at each fsync of a new journal's first import (its creation),
  and at each fsync of every migration (``check`` on a journal at each older
  schema): ``strace -e inject=fsync:signal=KILL:when=N`` for N = 1, 2, ... until
  the command runs through without being killed;
* kill -9 at a random moment of ``import``, ``restore``, ``backup`` and of a
  process writing notes through the journal's operations, as the app does.

Bounded: the fsync sweeps run first (a few dozen short commands), then random
kills until ``--kills`` per kind or ``--seconds`` in all, whichever comes first.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cxjournal import paths  # noqa: E402
from cxjournal.domain.model import Note, NoteKind, Person  # noqa: E402
from cxjournal.journal import Journal  # noqa: E402
from cxjournal.store import backup as store_backup  # noqa: E402
from cxjournal.store import schema  # noqa: E402

WORDS_PER_NOTE = 12
WRITER = """
import datetime as dt, sys
from pathlib import Path
from cxjournal.domain.model import Note, NoteKind
from cxjournal.journal import Journal
journal = Journal.open(Path(sys.argv[1]))
first = int(sys.argv[2])
for n in range(first, first + 100000):
    text = f"crash-note {n} " + " ".join(f"w{n}x{k}" for k in range(10))
    journal.notes.add(Note(dt.date(2026, 1, 1), text, kind=NoteKind.WIN))
    print(f"ack {n}", flush=True)
"""
#: commits one note and dies without closing, so the commit is in the -wal only
IN_THE_LOG = """
import datetime as dt, os, sys
from pathlib import Path
from cxjournal.domain.model import Note, NoteKind
from cxjournal.journal import Journal
journal = Journal.open(Path(sys.argv[1]))
journal.notes.add(Note(dt.date(2026, 1, 3), "in the log only " + "w " * 10, kind=NoteKind.WIN))
os._exit(0)
"""


@dataclass
class Tally:
    kills: int = 0
    faults: int = 0
    survived: int = 0
    acked_words: int = 0
    words_lost: int = 0
    failures: list[str] = field(default_factory=list)

    def fail(self, what: str) -> None:
        self.failures.append(what)
        print(f"crash-test: FAILED {what}", file=sys.stderr, flush=True)


def cx(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "cxjournal", "--db", str(db), *args]


def env() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}


def sound(db: Path, tally: Tally, what: str, create: bool = False) -> Journal | None:
    """Open the journal again and check it; a failure is counted, never raised."""
    try:
        journal = Journal.open(db, create=create)
    except Exception as exc:
        tally.fail(f"{what}: the journal does not open again ({exc})")
        return None
    problems = journal.check()
    if problems:
        tally.fail(f"{what}: check finds {problems[:2]}")
        journal.close()
        return None
    return journal


def note_texts(journal: Journal) -> set[str]:
    return {n.text for n in journal.notes.recent(limit=1_000_000)}


def person_names(journal: Journal) -> set[str]:
    return {p.name for p in journal.people.all(include_archived=True)}


# --- fsync faults ---------------------------------------------------------------------------


def killed_at_fsync(command: list[str], when: int) -> bool:
    """Run ``command`` with its ``when``-th fsync turned into SIGKILL; True if it was killed."""
    traced = [
        "strace", "-f", "-qq", "-o", os.devnull,
        "-e", "trace=fsync,fdatasync",
        "-e", f"inject=fsync,fdatasync:signal=KILL:when={when}",
        *command,
    ]  # fmt: skip
    done = subprocess.run(traced, cwd=ROOT, env=env(), capture_output=True, timeout=120)
    return done.returncode in (-signal.SIGKILL, 128 + signal.SIGKILL, 137)


def sweep_creation(work: Path, exchange: Path, expected_people: set[str], tally: Tally) -> None:
    """A kill at each fsync of a new journal's first import; each time the import then runs
    again and the journal is whole."""
    for when in range(1, 100):
        db = work / f"create-{when}" / "journal.db"
        db.parent.mkdir()
        if not killed_at_fsync(cx(db, "import", str(exchange)), when):
            break
        tally.faults += 1
        again = subprocess.run(cx(db, "import", str(exchange)), cwd=ROOT, env=env(),
                               capture_output=True, text=True, timeout=120)  # fmt: skip
        if again.returncode != 0:
            tally.fail(
                f"creation, fsync {when}: the import fails afterwards: {again.stderr[-300:]}"
            )
            continue
        journal = sound(db, tally, f"creation, fsync {when}")
        if journal is not None:
            if person_names(journal) != expected_people:
                tally.fail(f"creation, fsync {when}: the import is not whole")
            else:
                tally.survived += 1
            journal.close()


def journal_at(db: Path, revision: str) -> set[str]:
    """A journal at an older schema revision, with notes; returns their texts."""
    from sqlalchemy import text

    from cxjournal.store.engine import create_journal_engine

    db.parent.mkdir(parents=True, exist_ok=True)
    engine = create_journal_engine(db, None)
    texts = {f"old note {n} " + " ".join(f"o{n}x{k}" for k in range(10)) for n in range(5)}
    try:
        schema.upgrade(engine, revision)
        with engine.begin() as conn:
            for n, body in enumerate(sorted(texts)):
                conn.execute(
                    text(
                        "INSERT INTO notes (id, person_id, on_date, kind, text, tags) "
                        "VALUES (:id, NULL, '2026-01-01', 'win', :text, '[]')"
                    ),
                    {"id": n + 1, "text": body},
                )
    finally:
        engine.dispose()
    return texts


def sweep_migrations(work: Path, tally: Tally) -> None:
    """A kill at each fsync of every upgrade (``check`` upgrades an older journal)."""
    for revision in schema.REVISIONS[:-1]:
        for when in range(1, 100):
            db = work / f"migrate-{revision}-{when}" / "journal.db"
            texts = journal_at(db, revision)
            if not killed_at_fsync(cx(db, "check"), when):
                break
            tally.faults += 1
            journal = sound(db, tally, f"upgrade from {revision}, fsync {when}")
            if journal is None:
                continue
            missing = texts - note_texts(journal)
            journal.close()
            tally.acked_words += WORDS_PER_NOTE * len(texts)
            tally.words_lost += WORDS_PER_NOTE * len(missing)
            if missing:
                tally.fail(f"upgrade from {revision}, fsync {when}: {len(missing)} notes lost")
            else:
                tally.survived += 1


# --- random kills ---------------------------------------------------------------------------


def kill_after(command: list[str], delay: float) -> tuple[bool, str]:
    """Start ``command``, SIGKILL it after ``delay`` seconds; (was it killed, its output)."""
    proc = subprocess.Popen(command, cwd=ROOT, env=env(), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)  # fmt: skip
    try:
        out, _err = proc.communicate(timeout=delay)
        return False, out
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        out, _err = proc.communicate()
        return True, out


def timed(command: list[str]) -> float:
    start = time.monotonic()
    subprocess.run(command, cwd=ROOT, env=env(), capture_output=True, timeout=120)
    return time.monotonic() - start


def random_import(work: Path, exchange: Path, people: set[str], rng: random.Random,
                  span: float, tally: Tally, n: int) -> None:  # fmt: skip
    db = work / f"import-{n}" / "journal.db"
    db.parent.mkdir()
    with Journal.open(db) as journal:
        journal.people.add(Person(name="Already here"))
    killed, out = kill_after(cx(db, "import", str(exchange)), rng.uniform(0.05, span))
    tally.kills += killed
    journal = sound(db, tally, f"import kill {n}")
    if journal is None:
        return
    names = person_names(journal)
    journal.close()
    whole = names == people | {"Already here"}
    if (not killed or "imported" in out) and not whole:
        tally.fail(f"import kill {n}: the import said it was done but is not whole")
    elif not whole and names != {"Already here"}:
        tally.fail(f"import kill {n}: half an import ({len(names)} people)")
    else:
        tally.survived += killed


def random_writes(work: Path, rng: random.Random, tally: Tally, n: int) -> None:
    db = work / f"writes-{n}" / "journal.db"
    db.parent.mkdir()
    Journal.open(db).close()
    code = [sys.executable, "-c", WRITER, str(db), str(n * 100000)]
    killed, out = kill_after(code, rng.uniform(0.3, 2.5))
    tally.kills += killed
    acked = [int(line.split()[1]) for line in out.splitlines() if line.startswith("ack ")]
    journal = sound(db, tally, f"write kill {n}")
    if journal is None:
        return
    present = {t.split()[1] for t in note_texts(journal)}
    journal.close()
    lost = [a for a in acked if str(a) not in present]
    tally.acked_words += WORDS_PER_NOTE * len(acked)
    tally.words_lost += WORDS_PER_NOTE * len(lost)
    if lost:
        tally.fail(f"write kill {n}: {len(lost)} acknowledged notes lost")
    else:
        tally.survived += killed


def random_restore(work: Path, rng: random.Random, span: float, tally: Tally, n: int) -> None:
    folder = work / f"restore-{n}"
    db = folder / "journal.db"
    folder.mkdir()
    with Journal.open(db) as journal:
        journal.people.add(Person(name="In the backup"))
        saved = store_backup.backup_to(journal.engine, folder / "saved.db")
        journal.notes.add(Note(dt.date(2026, 1, 2), "after the backup", kind=NoteKind.WIN))
    # leave the newest commit in the -wal, as a killed app would
    subprocess.run([sys.executable, "-c", IN_THE_LOG, str(db)], cwd=ROOT, env=env(),
                   check=True, capture_output=True, timeout=120)  # fmt: skip
    with Journal.open(db, create=False) as journal:
        before = note_texts(journal)
    killed, out = kill_after(cx(db, "restore", "--yes", str(saved)), rng.uniform(0.05, span))
    tally.kills += killed
    journal = sound(db, tally, f"restore kill {n}")
    if journal is None:
        return
    now = note_texts(journal)
    journal.close()
    kept = [b.path for b in store_backup.list_backups(db) if b.before_restore]
    kept_texts: set[str] = set()
    for copy in kept:
        scratch = folder / f"kept-{copy.name}"
        shutil.copyfile(copy, scratch)
        wal = copy.with_name(copy.name + "-wal")
        if wal.exists():
            shutil.copyfile(wal, scratch.with_name(scratch.name + "-wal"))
        opened = sound(scratch, tally, f"restore kill {n}: the kept copy")
        if opened is not None:
            kept_texts |= note_texts(opened)
            opened.close()
    restored = now == set()
    # once restored, what the journal had must be in the kept copy
    lost = before - kept_texts if restored else before - now
    tally.acked_words += WORDS_PER_NOTE * len(before)
    tally.words_lost += WORDS_PER_NOTE * len(lost)
    if (not killed or "restored" in out) and not restored:
        tally.fail(f"restore kill {n}: the restore said it was done but the journal is the old one")
    elif lost:
        tally.fail(f"restore kill {n}: {len(lost)} committed notes lost")
    else:
        tally.survived += killed


def random_backup(work: Path, rng: random.Random, span: float, tally: Tally, n: int,
                  big: Path) -> None:  # fmt: skip
    folder = work / f"backup-{n}"
    folder.mkdir()
    db = folder / "journal.db"
    shutil.copyfile(big, db)
    killed, _out = kill_after(cx(db, "backup"), rng.uniform(0.05, span))
    tally.kills += killed
    journal = sound(db, tally, f"backup kill {n}")
    if journal is not None:
        journal.close()
    bad = False
    for made in store_backup.rolling_backups(db):
        scratch = folder / f"verify-{made.path.name}"
        shutil.copyfile(made.path, scratch)
        try:
            problems = store_backup.verify(scratch, None)
        except Exception as exc:
            problems = [str(exc)]
        if problems:
            bad = True
            tally.fail(f"backup kill {n}: a truncated backup under its final name ({problems[0]})")
    if not bad:
        tally.survived += killed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=90, help="time for the random kills")
    parser.add_argument("--kills", type=int, default=10, help="random kills per kind at most")
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    started = time.monotonic()
    tally = Tally()
    work = Path(tempfile.mkdtemp(prefix="cxjournal-crash-"))
    try:
        exchange = work / "small.json"
        subprocess.run(cx(work / "unused.db", "demo", "-o", str(exchange), "--years", "1"),
                       cwd=ROOT, env=env(), check=True, capture_output=True)  # fmt: skip
        people = {p["name"].strip() for p in json.loads(exchange.read_text())["people"]}

        tiny = work / "tiny.json"  # a new journal's creation is what the sweep is about
        tiny.write_text(json.dumps({"format": "cxjournal", "version": 1, "people": [
            {"id": "p-1", "name": "Ana Silva"}, {"id": "p-2", "name": "Ben Okafor"}]}))  # fmt: skip
        if shutil.which("strace"):
            sweep_creation(work, tiny, {"Ana Silva", "Ben Okafor"}, tally)
            sweep_migrations(work, tally)
        else:
            tally.fail("strace is missing: no fsync faults were injected")
        print(f"crash-test: fsync sweeps done in {time.monotonic() - started:.0f} s, "
              f"{tally.faults} faults injected", flush=True)  # fmt: skip

        big = work / "big.db"
        subprocess.run(cx(big, "import", str(exchange)), cwd=ROOT, env=env(), check=True,
                       capture_output=True)  # fmt: skip
        import_span = timed(cx(work / "timing" / "j.db", "import", str(exchange)))
        restore_span = 1.5
        backup_span = timed(cx(big, "backup"))
        shutil.rmtree(paths.backups_dir(big), ignore_errors=True)
        rounds: list[Callable[[int], None]] = [
            lambda n: random_import(work, exchange, people, rng, import_span, tally, n),
            lambda n: random_writes(work, rng, tally, n),
            lambda n: random_restore(work, rng, restore_span, tally, n),
            lambda n: random_backup(work, rng, backup_span, tally, n, big),
        ]
        budget = started + args.seconds
        for n in range(args.kills):
            for round_ in rounds:
                if n > 0 and time.monotonic() > budget:  # each kind runs at least once
                    break
                round_(n)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    elapsed = time.monotonic() - started
    print(
        f"crash-test: seed {seed}; {tally.kills} random kills and {tally.faults} fsync faults; "
        f"{tally.survived} survived with the journal sound; {tally.acked_words} acknowledged "
        f"words, {tally.words_lost} lost; {len(tally.failures)} failures; {elapsed:.0f} s"
    )
    return 1 if tally.failures else 0


if __name__ == "__main__":
    sys.exit(main())
