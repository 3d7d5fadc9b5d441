#!/usr/bin/env bash
# Builds a one-folder desktop bundle with PyInstaller into dist/cxjournal, and
# installs the .desktop entry and icon for the current user on Linux when asked:
#   bash packaging/build.sh [--install-desktop-entry]
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv-build
.venv-build/bin/python -m pip install -q --upgrade pip
.venv-build/bin/python -m pip install -q . pyinstaller
.venv-build/bin/pyinstaller --noconfirm packaging/cxjournal.spec
if [[ ${1:-} == --install-desktop-entry ]]; then
  apps=${XDG_DATA_HOME:-$HOME/.local/share}/applications
  icons=${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/scalable/apps
  mkdir -p "$apps" "$icons"
  cp packaging/cxjournal.desktop "$apps/"
  cp resources/icons/cxjournal.svg "$icons/cxjournal.svg"
fi
echo "built dist/cxjournal"
