"""Locking when the desktop says so: real D-Bus signals on a real (private) bus.

A private ``dbus-daemon`` stands in for both the session and the system bus;
a small service of our own, in another process, emits logind's and the screen
savers' signals, and the watcher must ask for the lock (or not).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from typing import Any

import pytest

from cxjournal.ui.lock.session_watcher import SessionLockWatcher, session_object_path

pytestmark = pytest.mark.skipif(
    shutil.which("dbus-daemon") is None, reason="needs dbus-daemon (apt-get install dbus)"
)

EMITTER = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtDBus import QDBusConnection, QDBusMessage

    app = QCoreApplication([])
    address, service, path, interface, member, *args = sys.argv[1:]
    bus = QDBusConnection.connectToBus(address, "emitter")
    assert bus.isConnected(), bus.lastError().message()
    assert bus.registerService(service), bus.lastError().message()
    message = QDBusMessage.createSignal(path, interface, member)
    message.setArguments([a == "true" for a in args])
    assert bus.send(message)
    app.processEvents()
    """
)


@pytest.fixture
def bus_address() -> Iterator[str]:
    with subprocess.Popen(  # leaving the block closes its pipe and waits for it
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    ) as daemon:
        assert daemon.stdout is not None
        address = daemon.stdout.readline().strip()
        try:
            yield address
        finally:
            os.kill(daemon.pid, signal.SIGTERM)
            daemon.wait()


def emit(address: str, service: str, path: str, interface: str, member: str, *args: str) -> None:
    subprocess.run(
        [sys.executable, "-c", EMITTER, address, service, path, interface, member, *args],
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


@pytest.fixture
def watcher(qtbot: Any, bus_address: str) -> SessionLockWatcher:
    from PySide6.QtDBus import QDBusConnection

    bus = QDBusConnection.connectToBus(bus_address, f"test-{id(qtbot)}")
    assert bus.isConnected()
    made = SessionLockWatcher()
    watched = made.start(session_bus=bus, system_bus=bus, session_id="2")
    assert watched == [
        "org.freedesktop.login1.Session.Lock",
        "org.freedesktop.login1.Manager.PrepareForSleep",
        "org.freedesktop.ScreenSaver.ActiveChanged",
        "org.gnome.ScreenSaver.ActiveChanged",
    ]
    return made


def test_the_session_object_path_follows_logind() -> None:
    assert session_object_path("2") == "/org/freedesktop/login1/session/_32"
    assert session_object_path("c12") == "/org/freedesktop/login1/session/c12"


@pytest.mark.parametrize(
    ("service", "path", "interface", "member", "args", "reason"),
    [
        ("org.freedesktop.login1", "/org/freedesktop/login1/session/_32",
         "org.freedesktop.login1.Session", "Lock", (), "session was locked"),
        ("org.freedesktop.login1", "/org/freedesktop/login1", "org.freedesktop.login1.Manager",
         "PrepareForSleep", ("true",), "going to sleep"),
        ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver",
         "org.freedesktop.ScreenSaver", "ActiveChanged", ("true",), "screen was locked"),
        ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver",
         "ActiveChanged", ("true",), "screen was locked"),
    ],
)  # fmt: skip
def test_each_signal_asks_for_the_lock(
    qtbot: Any, watcher: SessionLockWatcher, bus_address: str, service: str, path: str,
    interface: str, member: str, args: tuple[str, ...], reason: str,
) -> None:  # fmt: skip
    with qtbot.waitSignal(watcher.lock_requested, timeout=10000) as blocker:
        emit(bus_address, service, path, interface, member, *args)
    assert reason in blocker.args[0]


def test_waking_up_unlocking_and_other_sessions_do_not(
    qtbot: Any, watcher: SessionLockWatcher, bus_address: str
) -> None:
    seen: list[str] = []
    watcher.lock_requested.connect(seen.append)
    emit(bus_address, "org.freedesktop.login1", "/org/freedesktop/login1",
         "org.freedesktop.login1.Manager", "PrepareForSleep", "false")  # fmt: skip
    emit(bus_address, "org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver",
         "org.freedesktop.ScreenSaver", "ActiveChanged", "false")  # fmt: skip
    emit(bus_address, "org.freedesktop.login1", "/org/freedesktop/login1/session/_37",
         "org.freedesktop.login1.Session", "Lock")  # fmt: skip
    # a last signal that does lock: everything before it has been delivered by then
    with qtbot.waitSignal(watcher.lock_requested, timeout=10000):
        emit(bus_address, "org.gnome.ScreenSaver", "/org/gnome/ScreenSaver",
             "org.gnome.ScreenSaver", "ActiveChanged", "true")  # fmt: skip
    assert seen == ["the screen was locked"]


def test_without_a_bus_nothing_is_watched_and_nothing_fails() -> None:
    from PySide6.QtDBus import QDBusConnection

    dead = QDBusConnection.connectToBus("unix:path=/nonexistent/bus", "dead")
    assert not dead.isConnected()
    assert SessionLockWatcher().start(session_bus=dead, system_bus=dead, session_id="") == []
