"""packaging/linux/install.sh, run for real by bash on a small stand-in bundle in tmp_path.

The stand-in has the layout build.sh gives the download (an executable ``cxjournal``,
``_internal/``, ``share/``); CI runs the same script on the real bundle.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from types import ModuleType

import pytest

from tests.packaging.conftest import PACKAGING

ICON_FILES = [
    *(
        f"hicolor/{n}x{n}/apps/io.github.cxjournal.png"
        for n in (16, 22, 24, 32, 48, 64, 128, 256, 512)
    ),
    "hicolor/scalable/apps/io.github.cxjournal.svg",
]


@pytest.fixture
def bundle(tmp_path: Path, make_icons: ModuleType, qapp: object) -> Path:
    root = tmp_path / "download" / "cxjournal-0.1.0-linux-x86_64"
    (root / "_internal").mkdir(parents=True)
    (root / "_internal" / "libpython3.11.so.1.0").write_bytes(b"\x7fELF stand-in")
    executable = root / "cxjournal"
    executable.write_text('#!/bin/sh\necho "cxjournal 0.1.0"\n')
    executable.chmod(0o755)
    for script in ("install.sh", "uninstall.sh"):
        shutil.copy(PACKAGING / "linux" / script, root / script)
    (root / "share" / "applications").mkdir(parents=True)
    shutil.copy(PACKAGING / "io.github.cxjournal.desktop", root / "share" / "applications")
    make_icons.generate(root / "share" / "icons")
    for extra in ("cxjournal.ico", "cxjournal.icns"):
        (root / "share" / "icons" / extra).unlink()
    return root


@pytest.fixture
def home(tmp_path: Path) -> Path:
    path = tmp_path / "home"
    path.mkdir()
    return path


def run(script: Path, home: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {"HOME": str(home), "PATH": os.environ["PATH"], "LANG": "C.UTF-8", **env}
    return subprocess.run(
        ["bash", str(script), *args], env=environment, capture_output=True, text=True, timeout=60
    )


def files(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file() or p.is_symlink()}


def expected_outside(home: Path) -> set[str]:
    return {
        ".local/bin/cxjournal",
        ".local/share/applications/io.github.cxjournal.desktop",
        *(f".local/share/icons/{icon}" for icon in ICON_FILES),
    }


def test_install_adds_exactly_the_program_command_entry_and_icons(bundle: Path, home: Path) -> None:
    result = run(bundle / "install.sh", home)

    assert result.returncode == 0, result.stderr
    app_dir = ".local/lib/cxjournal"
    in_app = {f"{app_dir}/{name}" for name in files(bundle)} | {f"{app_dir}/installed-files"}
    assert files(home) == in_app | expected_outside(home)
    link = home / ".local/bin/cxjournal"
    assert os.readlink(link) == str(home / app_dir / "cxjournal")
    entry = (home / ".local/share/applications/io.github.cxjournal.desktop").read_text()
    assert f'Exec="{home}/{app_dir}/cxjournal"' in entry.splitlines()
    assert f"TryExec={home}/{app_dir}/cxjournal" in entry.splitlines()
    assert "Icon=io.github.cxjournal" in entry.splitlines()
    listed = (home / app_dir / "installed-files").read_text().split()
    assert sorted(listed) == sorted(str(home / name) for name in expected_outside(home))
    assert "cxjournal 0.1.0" in result.stdout


def test_uninstall_removes_exactly_those_and_keeps_the_journal(bundle: Path, home: Path) -> None:
    journal = home / ".local/share/cxjournal/journal.db"
    journal.parent.mkdir(parents=True)
    journal.write_bytes(b"SQLite format 3\x00 the user's journal")
    (journal.parent / "backups").mkdir()
    (journal.parent / "backups" / "journal-1.db").write_bytes(b"a backup")
    other_icon = home / ".local/share/icons/hicolor/48x48/apps/other-app.png"
    other_icon.parent.mkdir(parents=True)
    other_icon.write_bytes(b"another app's icon")
    before = files(home)
    assert run(bundle / "install.sh", home).returncode == 0

    result = run(home / ".local/lib/cxjournal/uninstall.sh", home)

    assert result.returncode == 0, result.stderr
    assert files(home) == before
    assert journal.read_bytes() == b"SQLite format 3\x00 the user's journal"
    assert "journal" in result.stdout
    assert not (home / ".local/lib/cxjournal").exists()
    assert not (home / ".local/share/icons/hicolor/16x16").exists()  # emptied, so removed
    again = run(bundle / "install.sh", home, "--uninstall")
    assert again.returncode == 0 and "nothing to remove" in again.stdout


def test_an_update_replaces_the_program_and_drops_what_the_new_version_no_longer_has(
    bundle: Path, home: Path
) -> None:
    old_icon = bundle / "share/icons/hicolor/1024x1024/apps/io.github.cxjournal.png"
    old_icon.parent.mkdir(parents=True)
    old_icon.write_bytes(b"an icon size the next version drops")
    (bundle / "_internal" / "old-module.so").write_bytes(b"old")
    assert run(bundle / "install.sh", home).returncode == 0
    assert (home / ".local/share/icons/hicolor/1024x1024/apps/io.github.cxjournal.png").exists()
    shutil.rmtree(old_icon.parent.parent)
    (bundle / "_internal" / "old-module.so").unlink()
    (bundle / "_internal" / "new-module.so").write_bytes(b"new")

    assert run(bundle / "install.sh", home).returncode == 0

    app_dir = home / ".local/lib/cxjournal"
    assert (app_dir / "_internal" / "new-module.so").exists()
    assert not (app_dir / "_internal" / "old-module.so").exists()
    assert not (home / ".local/share/icons/hicolor/1024x1024").exists()
    assert {p for p in files(home) if not p.startswith(".local/lib/")} == expected_outside(home)
    assert not list((home / ".local/lib").glob("cxjournal.*"))  # no staged or old copy left


def test_a_cxjournal_command_of_another_install_is_left_alone(bundle: Path, home: Path) -> None:
    pipx_link = home / ".local/bin/cxjournal"
    pipx_link.parent.mkdir(parents=True)
    pipx_link.symlink_to(home / ".local/share/pipx/venvs/cxjournal/bin/cxjournal")

    installed = run(bundle / "install.sh", home)
    assert installed.returncode == 0, installed.stderr
    assert "left" in installed.stdout and "not ours" in installed.stdout
    assert os.readlink(pipx_link) == str(home / ".local/share/pipx/venvs/cxjournal/bin/cxjournal")
    assert str(pipx_link) not in (home / ".local/lib/cxjournal/installed-files").read_text()

    assert run(home / ".local/lib/cxjournal/uninstall.sh", home).returncode == 0
    assert pipx_link.is_symlink()


def test_the_data_folder_follows_xdg_data_home(bundle: Path, home: Path, tmp_path: Path) -> None:
    data_home = tmp_path / "elsewhere"

    assert run(bundle / "install.sh", home, XDG_DATA_HOME=str(data_home)).returncode == 0
    assert (data_home / "applications/io.github.cxjournal.desktop").is_file()
    assert (data_home / "icons/hicolor/256x256/apps/io.github.cxjournal.png").is_file()
    assert not (home / ".local/share").exists()

    assert (
        run(
            home / ".local/lib/cxjournal/uninstall.sh", home, XDG_DATA_HOME=str(data_home)
        ).returncode
        == 0
    )
    assert files(data_home) == set()


def test_the_installed_copy_does_not_install_over_itself(bundle: Path, home: Path) -> None:
    assert run(bundle / "install.sh", home).returncode == 0

    result = run(home / ".local/lib/cxjournal/install.sh", home)

    assert result.returncode == 1
    assert "installed one" in result.stderr
    assert (home / ".local/lib/cxjournal/cxjournal").is_file()


def test_install_outside_an_unpacked_bundle_is_refused(home: Path, tmp_path: Path) -> None:
    lone = tmp_path / "lone"
    lone.mkdir()
    shutil.copy(PACKAGING / "linux" / "install.sh", lone)

    result = run(lone / "install.sh", home)

    assert result.returncode == 1
    assert "unpacked cxjournal folder" in result.stderr
    assert files(home) == set()
