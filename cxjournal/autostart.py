"""Start at login: the file each desktop reads at login, written and removed.

Linux (and other XDG desktops): ``$XDG_CONFIG_HOME/autostart/io.github.cxjournal.desktop``
(``~/.config`` when the variable is unset). macOS: a LaunchAgent,
``~/Library/LaunchAgents/io.github.cxjournal.plist``. Windows: ``cxjournal.cmd`` in the
Startup folder (``%APPDATA%\\Microsoft\\Windows\\Start Menu\\Programs\\Startup``). Each
starts the app in the background (``gui --background``: no window, reminders and the
tray only). Headless: no Qt; the platform, environment and home folder are arguments
so every platform's file is tested anywhere.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from cxjournal.exchange.atomic import atomic_output

APP_ID = "io.github.cxjournal"


def _kind(platform: str) -> str:
    if platform.startswith("win"):
        return "windows"
    if platform == "darwin":
        return "macos"
    return "xdg"


def entry_path(platform: str, env: Mapping[str, str], home: Path) -> Path:
    """Where this platform's start-at-login file goes."""
    kind = _kind(platform)
    if kind == "windows":
        appdata = Path(env.get("APPDATA") or home / "AppData" / "Roaming")
        startup = appdata / "Microsoft" / "Windows" / "Start Menu" / "Programs" / "Startup"
        return startup / "cxjournal.cmd"
    if kind == "macos":
        return home / "Library" / "LaunchAgents" / f"{APP_ID}.plist"
    config = env.get("XDG_CONFIG_HOME", "")
    base = Path(config) if config and Path(config).is_absolute() else home / ".config"
    return base / "autostart" / f"{APP_ID}.desktop"


def launch_command(journal: Path | None, executable: str | None = None) -> list[str]:
    """The command that starts this copy of the app in the background (on ``journal``;
    None: the default journal)."""
    exe = executable or sys.executable
    frozen = bool(getattr(sys, "frozen", False)) and executable is None
    command = [exe] if frozen else [exe, "-m", "cxjournal"]
    if journal is not None:
        command += ["--db", str(journal)]
    return [*command, "gui", "--background"]


def _desktop_arg(arg: str) -> str:
    """One argument of a desktop entry's ``Exec`` (Desktop Entry Specification)."""
    arg = arg.replace("%", "%%")
    if arg and not any(c in arg for c in " \t\n\"'\\><~|&;$*?#()`"):
        return arg
    quoted = arg.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`").replace("$", "\\$")
    return f'"{quoted}"'


def _cmd_arg(arg: str) -> str:
    return '"' + arg.replace('"', '""').replace("%", "%%") + '"'


def entry_text(platform: str, command: Sequence[str]) -> str:
    """The file's content for ``platform``, starting ``command``."""
    kind = _kind(platform)
    if kind == "windows":
        args = " ".join(_cmd_arg(a) for a in command[1:])
        exe = command[0]
        if exe.lower().endswith("python.exe"):  # no console window at login
            exe = exe[: -len("python.exe")] + "pythonw.exe"
        return f'@echo off\r\nstart "" {_cmd_arg(exe)} {args}\r\n'
    if kind == "macos":
        items = "\n".join(f"        <string>{escape(a)}</string>" for a in command)
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" '
            '"http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n'
            '<plist version="1.0">\n<dict>\n'
            f"    <key>Label</key>\n    <string>{APP_ID}</string>\n"
            f"    <key>ProgramArguments</key>\n    <array>\n{items}\n    </array>\n"
            "    <key>RunAtLoad</key>\n    <true/>\n"
            "    <key>ProcessType</key>\n    <string>Interactive</string>\n"
            "</dict>\n</plist>\n"
        )
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=cxjournal\n"
        "Comment=Reminders of your 1:1s and check-ins, in the background\n"
        f"Exec={' '.join(_desktop_arg(a) for a in command)}\n"
        f"Icon={APP_ID}\n"
        "Terminal=false\n"
        "NoDisplay=true\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def set_start_at_login(
    enabled: bool,
    command: Sequence[str],
    platform: str | None = None,
    env: Mapping[str, str] | None = None,
    home: Path | None = None,
) -> Path:
    """Write (``enabled``) or remove the start-at-login file; returns its path.

    Written whole or not at all; removing a file that is not there is not an error.
    """
    path = entry_path(
        platform or sys.platform, os.environ if env is None else env, home or Path.home()
    )
    if not enabled:
        path.unlink(missing_ok=True)
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    text = entry_text(platform or sys.platform, command)
    with atomic_output(path) as out:
        out.write(text.encode("utf-8"))
    return path
