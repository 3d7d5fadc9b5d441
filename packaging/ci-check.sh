#!/usr/bin/env bash
# CI for the desktop download (called by .ci/run; runs on its own too):
#   bash packaging/ci-check.sh
# builds the bundle and its archive (packaging/build.sh), unpacks the archive outside the
# source tree and runs the frozen app there as a user would; validates the menu entry
# and the AppStream metadata; installs and uninstalls into a throwaway HOME, checking
# exactly which files appear and disappear and that the journal survives; checks the
# size budgets; and installs the project with pipx. Any missing data file, migration,
# Qt plugin or hidden import makes one of these commands fail.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
start=$(date +%s)
fail() { echo "ci-check: $*" >&2; exit 1; }

tools=()
command -v desktop-file-validate >/dev/null || tools+=(desktop-file-utils)
command -v appstreamcli >/dev/null || tools+=(appstream)
command -v xvfb-run >/dev/null || tools+=(xvfb xauth)
if [[ ${#tools[@]} -gt 0 ]]; then
  [[ $(id -u) -eq 0 ]] || fail "please install ${tools[*]}"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${tools[@]}" >/dev/null
fi
bash scripts/system-deps --gui

echo "== building the bundle"
bash packaging/build.sh
version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' cxjournal/__init__.py)
name=cxjournal-$version-linux-$(uname -m)
archive=$repo/dist/$name.tar.xz

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -C "$work" -xJf "$archive"
app=$work/$name
cx=$app/cxjournal

echo "== what is in it"
unpacked_mb=$(( $(du -sb "$app" | cut -f1) / 1000000 ))  # MB, 10^6 bytes, as the budgets
archive_mb=$(( $(stat -c %s "$archive") / 1000000 ))
echo "unpacked ${unpacked_mb} MB (budget 150), archive ${archive_mb} MB (budget 60); the biggest parts, MiB:"
(cd "$app" && find . -type f -size +2M -exec du -m {} + | sort -rn)
qt=$app/_internal/PySide6/Qt
for plugin in platforms/libqxcb.so platforms/libqwayland.so platforms/libqoffscreen.so \
  imageformats/libqsvg.so iconengines/libqsvgicon.so platformthemes/libqgtk3.so \
  platformthemes/libqxdgdesktopportal.so platforminputcontexts/libcomposeplatforminputcontextplugin.so; do
  [[ -f $qt/plugins/$plugin ]] || fail "the Qt plugin $plugin is missing"
done
unwanted=$(find "$app" \( -name 'libQt6Qml*' -o -name 'libQt6Quick*' -o -name 'libQt6WebEngine*' \
  -o -name 'libQt6Network*' -o -name 'libQt6Pdf*' -o -name '*.qm' -o -name 'QtQml*' \
  -o -name 'QtNetwork*' -o -path '*/plugins/sqldrivers*' -o -path '*/plugins/tls*' \
  -o -name 'libqjpeg.so' -o -name 'libqvnc.so' -o -name 'libqeglfs.so' \) -print)
[[ -z $unwanted ]] || fail "unused Qt parts are in the bundle: $unwanted"
# with the system libraries of the README installed, what the app loads resolves
for lib in "$qt"/plugins/platforms/libqxcb.so "$qt"/plugins/platforms/libqoffscreen.so \
  "$qt"/plugins/imageformats/libqsvg.so "$qt"/plugins/iconengines/libqsvgicon.so \
  "$app"/_internal/PySide6/*.so "$app"/_internal/sqlcipher3/*.so "$cx"; do
  if LD_LIBRARY_PATH=$app/_internal:$qt/lib ldd "$lib" | grep "not found"; then
    fail "$lib needs a library that is neither bundled nor on the system"
  fi
done

# the oldest C library it runs on: glibc 2.35 (Ubuntu 22.04, Debian 12, Fedora 36)
newest=$(find "$app" -type f \( -name '*.so*' -o -name cxjournal \) -exec objdump -T {} + 2>/dev/null \
  | grep -o 'GLIBC_2\.[0-9]*' | sort -uV | tail -1)
[[ $(printf '%s\n' "$newest" GLIBC_2.35 | sort -V | tail -1) == GLIBC_2.35 ]] \
  || fail "the bundle needs $newest; it should run on glibc 2.35"

echo "== the frozen app, from $work"
cd "$work"
export HOME=$work/home QT_QPA_PLATFORM=offscreen
mkdir -p "$HOME"
unset CXJOURNAL_DB CXJOURNAL_PASSPHRASE DISPLAY WAYLAND_DISPLAY XDG_DATA_HOME
[[ $("$cx" --version) == "cxjournal $version" ]] || fail "--version says $("$cx" --version)"
"$cx" --db "$work/new.db" gui --quit-after-paint
"$cx" --db "$work/new.db" check
"$cx" demo -o "$work/demo.json" --years 2 --seed 3
"$cx" --db "$work/demo.db" import "$work/demo.json"
"$cx" --db "$work/demo.db" check
"$cx" --db "$work/demo.db" gui --quit-after-paint
"$cx" --db "$work/demo.db" audit export latest --format pdf -o "$work/latest.pdf"
[[ $(head -c 5 "$work/latest.pdf") == %PDF- ]] || fail "the PDF export is not a PDF"
"$cx" --db "$work/demo.db" search budget >/dev/null
cat >"$work/team.ics" <<'ICS'
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//cxjournal CI//EN
BEGIN:VEVENT
UID:weekly-1on1@ci
DTSTAMP:20260101T090000Z
DTSTART;TZID=Europe/Paris:20260105T100000
DTEND;TZID=Europe/Paris:20260105T103000
RRULE:FREQ=WEEKLY;COUNT=60
SUMMARY:1:1 with Adaeze Nwosu
END:VEVENT
END:VCALENDAR
ICS
"$cx" --db "$work/demo.db" calendar add "$work/team.ics"  # icalendar, zone data
"$cx" --db "$work/demo.db" meetings >/dev/null
"$cx" --db "$work/demo.db" gui --visit-pages  # every page, its charts exported
xvfb-run -a env QT_QPA_PLATFORM=xcb "$cx" --db "$work/demo.db" gui --visit-pages

echo "== an encrypted journal"
printf 'correct horse battery staple\n' >"$work/passphrase"
CXJOURNAL_PASSPHRASE='correct horse battery staple' "$cx" --db "$work/secret.db" gui --quit-after-paint
if "$cx" --db "$work/secret.db" check </dev/null 2>/dev/null; then
  fail "an encrypted journal opened without its passphrase"
fi
"$cx" --db "$work/secret.db" --passphrase-file "$work/passphrase" check | grep -q "encrypted"
"$cx" --db "$work/secret.db" --passphrase-file "$work/passphrase" import "$work/demo.json"
"$cx" --db "$work/secret.db" --passphrase-file "$work/passphrase" audit export latest \
  --format pdf -o "$work/secret.pdf"
CXJOURNAL_PASSPHRASE='correct horse battery staple' "$cx" --db "$work/secret.db" gui --quit-after-paint
[[ $(head -c 15 "$work/secret.db") != "SQLite format 3" ]] || fail "secret.db is not encrypted"

echo "== menu entry and AppStream metadata"
desktop-file-validate "$repo/packaging/io.github.cxjournal.desktop"
appstreamcli validate --no-net "$repo/packaging/io.github.cxjournal.metainfo.xml"

echo "== install and uninstall into $HOME"
listing() { (cd "$HOME" && find . \( -type f -o -type l \) | sort); }
listing >"$work/before"
bash "$app/install.sh" >/dev/null
listing >"$work/installed"
(cd "$app" && find . \( -type f -o -type l \) | sed 's|^\.|./.local/lib/cxjournal|') >"$work/expected"
{
  echo ./.local/lib/cxjournal/installed-files
  echo ./.local/bin/cxjournal
  echo ./.local/share/applications/io.github.cxjournal.desktop
  for size in 16 22 24 32 48 64 128 256 512; do
    echo "./.local/share/icons/hicolor/${size}x${size}/apps/io.github.cxjournal.png"
  done
  echo ./.local/share/icons/hicolor/scalable/apps/io.github.cxjournal.svg
} >>"$work/expected"
sort -o "$work/expected" "$work/expected"
comm -13 "$work/before" "$work/installed" >"$work/appeared"
diff -u "$work/expected" "$work/appeared" || fail "install added other files than expected"
desktop-file-validate "$HOME/.local/share/applications/io.github.cxjournal.desktop"
grep -qx "Exec=\"$HOME/.local/lib/cxjournal/cxjournal\"" \
  "$HOME/.local/share/applications/io.github.cxjournal.desktop" || fail "the menu entry does not start the installed app"
PATH=$HOME/.local/bin:$PATH cxjournal --version
PATH=$HOME/.local/bin:$PATH cxjournal gui --quit-after-paint  # the default journal, in the data folder
journal=$HOME/.local/share/cxjournal/journal.db
[[ -f $journal ]] || fail "the installed app did not create $journal"
bash "$app/install.sh" >/dev/null  # an update over the installed copy
listing >"$work/updated"
diff -u <(grep -v '/share/cxjournal/' "$work/updated") "$work/installed" || fail "an update changed the installed files"
listing >"$work/with-journal"
bash "$HOME/.local/lib/cxjournal/uninstall.sh"
listing >"$work/after"
comm -23 "$work/with-journal" "$work/after" >"$work/disappeared"
diff -u "$work/expected" "$work/disappeared" || fail "uninstall removed other files than install added"
[[ -f $journal ]] || fail "uninstall removed the journal"
"$cx" --db "$journal" check

echo "== pipx install of the project"
python3 -m venv "$work/pipx-venv"
"$work/pipx-venv/bin/python" -m pip install -q pipx
PIPX_HOME=$work/pipx PIPX_BIN_DIR=$work/pipx-bin "$work/pipx-venv/bin/pipx" install -q "$repo" >/dev/null
"$work/pipx-bin/cxjournal" --version
"$work/pipx-bin/cxjournal" --db "$work/pipx.db" gui --quit-after-paint

echo "== size budgets"
(( archive_mb <= 60 )) || fail "the archive is ${archive_mb} MB, over 60 MB"
(( unpacked_mb <= 150 )) || fail "the unpacked bundle is ${unpacked_mb} MB, over 150 MB"

echo "== desktop bundle checked in $(( $(date +%s) - start )) s"
