"""Start at login: each platform's file written where its desktop reads it, and removed."""

from __future__ import annotations

import configparser
import plistlib
import shlex
from pathlib import Path

import pytest

from cxjournal.autostart import (
    entry_path,
    launch_command,
    set_start_at_login,
)

JOURNAL = Path("/home/ana/My Journals/work 100%.db")


def test_linux_writes_an_xdg_autostart_entry_that_starts_in_the_background(
    tmp_path: Path,
) -> None:
    config = tmp_path / "config"
    env = {"XDG_CONFIG_HOME": str(config)}
    command = launch_command(JOURNAL, executable="/opt/cx/bin/python")
    path = set_start_at_login(True, command, "linux", env, tmp_path / "home")
    assert path == config / "autostart" / "io.github.cxjournal.desktop"
    assert entry_path("linux", env, tmp_path / "home") == path and path.exists()
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read_string(path.read_text(encoding="utf-8"))
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application" and desktop["Terminal"] == "false"
    # the Exec line splits back into the command (% doubled, per the specification)
    exec_args = [a.replace("%%", "%") for a in shlex.split(desktop["Exec"])]
    assert exec_args == [
        "/opt/cx/bin/python",
        "-m",
        "cxjournal",
        "--db",
        str(JOURNAL),
        "gui",
        "--background",
    ]
    set_start_at_login(False, command, "linux", env, tmp_path / "home")
    assert not path.exists()
    set_start_at_login(False, command, "linux", env, tmp_path / "home")  # already off: fine


def test_linux_without_xdg_config_home_uses_dot_config(tmp_path: Path) -> None:
    home = tmp_path / "home"
    for env in ({}, {"XDG_CONFIG_HOME": ""}, {"XDG_CONFIG_HOME": "relative/dir"}):
        assert entry_path("linux", env, home) == (
            home / ".config" / "autostart" / "io.github.cxjournal.desktop"
        )


def test_macos_writes_a_launch_agent_that_runs_at_load(tmp_path: Path) -> None:
    command = launch_command(JOURNAL, executable="/Applications/cx & co/python")
    path = set_start_at_login(True, command, "darwin", {}, tmp_path)
    assert path == tmp_path / "Library" / "LaunchAgents" / "io.github.cxjournal.plist"
    agent = plistlib.loads(path.read_bytes())
    assert agent["Label"] == "io.github.cxjournal"
    assert agent["RunAtLoad"] is True
    assert agent["ProgramArguments"] == command
    set_start_at_login(False, command, "darwin", {}, tmp_path)
    assert not path.exists()


def test_windows_writes_a_startup_folder_script(tmp_path: Path) -> None:
    appdata = tmp_path / "AppData" / "Roaming"
    env = {"APPDATA": str(appdata)}
    command = launch_command(JOURNAL, executable=r"C:\Python311\python.exe")
    path = set_start_at_login(True, command, "win32", env, tmp_path)
    startup = appdata / "Microsoft" / "Windows" / "Start Menu" / "Programs" / "Startup"
    assert path == startup / "cxjournal.cmd"
    text = path.read_bytes().decode("utf-8")
    assert text.startswith('@echo off\r\nstart "" ')
    assert '"C:\\Python311\\pythonw.exe"' in text  # no console window at login
    assert '"--background"' in text
    assert "100%%.db" in text  # % is doubled for cmd
    set_start_at_login(False, command, "win32", env, tmp_path)
    assert not path.exists()


def test_the_default_journal_is_not_named(tmp_path: Path) -> None:
    assert launch_command(None, executable="py")[-3:] == ["cxjournal", "gui", "--background"]
    assert "--db" not in launch_command(None, executable="py")


@pytest.mark.parametrize("platform", ["linux", "darwin", "win32"])
def test_turning_it_on_twice_writes_one_file(tmp_path: Path, platform: str) -> None:
    env = {"XDG_CONFIG_HOME": str(tmp_path / "c"), "APPDATA": str(tmp_path / "a")}
    command = launch_command(None, executable="/x/python")
    first = set_start_at_login(True, command, platform, env, tmp_path)
    second = set_start_at_login(True, command, platform, env, tmp_path)
    assert first == second and [p.name for p in first.parent.iterdir()] == [first.name]
