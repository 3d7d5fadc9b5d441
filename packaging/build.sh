#!/usr/bin/env bash
# Builds the desktop app with PyInstaller (packaging/cxjournal.spec) in a fresh
# virtualenv, .venv-build, from PySide6-Essentials and the project's pinned ranges:
#   bash packaging/build.sh
# Linux: dist/cxjournal-VERSION-linux-ARCH/ (the one-folder bundle with install.sh,
# uninstall.sh, the menu entry, icons and AppStream metadata) and its archive
# dist/cxjournal-VERSION-linux-ARCH.tar.xz, the download.
# macOS and Windows: the same spec builds dist/cxjournal.app or dist/cxjournal/
# (no archive step here; see the README).
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
bash scripts/system-deps
# strip, as, ld (binutils) and icupkg (icu-devtools) slim the Linux bundle (see the spec)
if [[ $(uname -s) == Linux ]] && ! { command -v strip && command -v icupkg && command -v xz; } >/dev/null; then
  if command -v apt-get >/dev/null 2>&1 && [[ $(id -u) -eq 0 ]]; then  # a clean CI machine
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      binutils icu-devtools xz-utils >/dev/null
  else
    echo "build.sh: please install binutils, icu-devtools and xz-utils" >&2
    exit 1
  fi
fi
rm -rf .venv-build
python3 -m venv .venv-build
.venv-build/bin/python -m pip install -q --upgrade pip
.venv-build/bin/python -m pip install -q ".[package]"
version=$(.venv-build/bin/python -c "import cxjournal; print(cxjournal.__version__)")
.venv-build/bin/pyinstaller --noconfirm --clean --log-level WARN packaging/cxjournal.spec

[[ $(uname -s) == Linux ]] || { echo "built dist/ (the archive is made on Linux only)"; exit 0; }
name=cxjournal-$version-linux-$(uname -m)
out=dist/$name
rm -rf "$out" "$out.tar.xz"
cp -R dist/cxjournal "$out"
cp packaging/linux/install.sh packaging/linux/uninstall.sh "$out/"
mkdir -p "$out/share/applications" "$out/share/metainfo"
cp packaging/io.github.cxjournal.desktop "$out/share/applications/"
cp packaging/io.github.cxjournal.metainfo.xml "$out/share/metainfo/"
mkdir -p "$out/share/icons"
cp -R build/cxjournal/icons/hicolor "$out/share/icons/"
cat >"$out/README.txt" <<TXT
cxjournal $version for Linux

Try it without installing: double-click "cxjournal" in this folder.

Install it for yourself (no administrator needed): run install.sh, e.g. right-click
it and choose "Run as a Program", or in a terminal: bash install.sh
It puts cxjournal in your applications menu and the "cxjournal" command on your PATH.
Update: do the same with a newer download. Your journal is kept, always.
Uninstall: ~/.local/lib/cxjournal/uninstall.sh (your journal stays).

Your journal: ~/.local/share/cxjournal/journal.db
TXT
tar -C dist -cf - "$name" | xz -T0 -6 >"$out.tar.xz"
echo "built $out ($(du -sm "$out" | cut -f1) MB) and $out.tar.xz ($(du -m "$out.tar.xz" | cut -f1) MB) in $(( $(date +%s) - start )) s"
