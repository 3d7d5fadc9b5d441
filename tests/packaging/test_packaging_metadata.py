"""The menu entry and the AppStream metadata agree with the app and with what is committed.

CI validates both files with desktop-file-validate and appstreamcli; these tests check
what the validators cannot know.
"""

from __future__ import annotations

import configparser
import datetime as dt
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

from PySide6.QtGui import QImageReader

import cxjournal
from tests.packaging.conftest import PACKAGING

ROOT = PACKAGING.parent
METAINFO = PACKAGING / "io.github.cxjournal.metainfo.xml"
DESKTOP = PACKAGING / "io.github.cxjournal.desktop"
SCREENSHOT_BASE = "https://raw.githubusercontent.com/cxjournal/cxjournal/main/"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_latest_release_is_this_version_and_releases_are_dated_newest_first() -> None:
    releases = ET.parse(METAINFO).getroot().findall("releases/release")
    assert releases[0].get("version") == cxjournal.__version__
    dates = [dt.date.fromisoformat(r.get("date", "")) for r in releases]
    assert dates == sorted(dates, reverse=True)


def test_every_screenshot_url_is_a_committed_picture_of_the_size_it_states(qapp: object) -> None:
    shots = ET.parse(METAINFO).getroot().findall("screenshots/screenshot")
    assert len(shots) >= 3
    assert sum(shot.get("type") == "default" for shot in shots) == 1
    for shot in shots:
        image = shot.find("image")
        assert image is not None and image.text is not None
        assert image.text.startswith(SCREENSHOT_BASE)
        path = ROOT / image.text.removeprefix(SCREENSHOT_BASE)
        assert path.is_file(), f"{path} is not committed"
        size = QImageReader(str(path)).size()
        assert (size.width(), size.height()) == (
            int(image.get("width", 0)),
            int(image.get("height", 0)),
        )
        assert (shot.findtext("caption") or "").strip()


def test_the_metainfo_has_what_a_software_centre_shows() -> None:
    root = ET.parse(METAINFO).getroot()
    urls = {url.get("type"): url.text or "" for url in root.findall("url")}
    assert {"homepage", "bugtracker", "help"} <= set(urls)
    assert all(url.startswith("https://") for url in urls.values())
    assert (root.findtext("developer/name") or "").strip()
    assert root.find("content_rating").get("type") == "oars-1.1"  # type: ignore[union-attr]
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("id") == DESKTOP.stem


def test_the_menu_entry_names_the_icon_the_build_draws(make_icons: ModuleType) -> None:
    entry = desktop_entry()
    assert entry["Icon"] == make_icons.ICON_NAME == DESKTOP.stem
    assert entry["Exec"] == "cxjournal"  # install.sh points it at the installed program
    assert entry["Terminal"] == "false"


def test_the_app_tells_the_desktop_which_entry_is_its_own(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from PySide6.QtGui import QGuiApplication\n"
        "from cxjournal.app import run_app\n"
        f"code = run_app(__import__('pathlib').Path({str(tmp_path / 'journal.db')!r}),"
        " quit_after_paint=True)\n"
        "print(QGuiApplication.desktopFileName())\n"
        "sys.exit(code)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [DESKTOP.stem]
