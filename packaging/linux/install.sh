#!/usr/bin/env bash
# cxjournal for Linux, for the current user only (no root, no system folder touched).
#
#   bash install.sh               install, or update an earlier install in place
#   bash install.sh --uninstall   remove what install put there (uninstall.sh does the same)
#
# Install copies this folder to ~/.local/lib/cxjournal and adds, under your own folders:
#   ~/.local/bin/cxjournal                                   the command (a link)
#   ~/.local/share/applications/io.github.cxjournal.desktop  the menu entry
#   ~/.local/share/icons/hicolor/*/apps/io.github.cxjournal.* the icons
# ($XDG_DATA_HOME replaces ~/.local/share when it is set.) The files added outside
# ~/.local/lib/cxjournal are listed in its installed-files, and uninstall removes exactly
# those and that folder. Your journal (~/.local/share/cxjournal) is never touched.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
app_dir=$HOME/.local/lib/cxjournal
bin_link=$HOME/.local/bin/cxjournal
app_id=io.github.cxjournal
desktop_file=$data_home/applications/$app_id.desktop
manifest=installed-files

say() { printf 'cxjournal: %s\n' "$*"; }
fail() { printf 'cxjournal: %s\n' "$*" >&2; exit 1; }

remove_listed() {  # remove the files named in the manifest of $1 (an installed folder)
  local list=$1/$manifest path
  [[ -f $list ]] || return 0
  while IFS= read -r path; do
    [[ -n $path ]] || continue
    if [[ $path == "$bin_link" ]]; then  # the command only while it still points at us
      [[ -L $path && $(readlink "$path") == "$app_dir/cxjournal" ]] && rm -f "$path"
    else
      rm -f "$path"
      if [[ $path == "$data_home/icons/hicolor/"*/apps/* ]]; then  # an icon size left empty
        rmdir "$(dirname "$path")" "$(dirname "$(dirname "$path")")" 2>/dev/null || true
      fi
    fi
  done <"$list"
}

uninstall() {
  [[ -d $app_dir ]] || { say "not installed (no $app_dir); nothing to remove"; return 0; }
  remove_listed "$app_dir"
  rm -rf "$app_dir"
  touch "$data_home/icons/hicolor" 2>/dev/null || true  # desktops re-read the icon theme
  say "removed cxjournal. Your journal and its backups are still in ${data_home}/cxjournal"
}

desktop_exec() {  # the desktop entry's Exec value for the installed executable
  local path=$app_dir/cxjournal
  [[ $path != *[\"\`\$\\%]* ]] || fail "cannot write a menu entry for a home folder whose path has \" \` \$ \\ or %: $HOME"
  printf '"%s"' "$path"
}

install() {
  [[ -x $here/cxjournal && -d $here/_internal ]] || fail "run install.sh from the unpacked cxjournal folder"
  if [[ $here == "$(cd "$app_dir" 2>/dev/null && pwd -P)" ]]; then
    fail "this copy is the installed one; to update, run install.sh of the new download"
  fi
  local exec_value
  exec_value=$(desktop_exec)
  mkdir -p "$(dirname "$app_dir")"

  # the new version beside the old one, then swapped in: an interrupted copy changes nothing
  local staged=$app_dir.new.$$ old=$app_dir.old.$$
  rm -rf "$staged"
  cp -R "$here" "$staged"
  rm -f "$staged/$manifest"
  if [[ -d $app_dir ]]; then
    remove_listed "$app_dir"
    mv "$app_dir" "$old"
  fi
  mv "$staged" "$app_dir"
  rm -rf "$old"

  local list=$app_dir/$manifest icon rel
  : >"$list"
  mkdir -p "$(dirname "$bin_link")" "$(dirname "$desktop_file")"
  sed -e "s|^Exec=.*|Exec=$exec_value|" -e "s|^TryExec=.*|TryExec=$app_dir/cxjournal|" \
    "$app_dir/share/applications/$app_id.desktop" >"$desktop_file.tmp"
  mv "$desktop_file.tmp" "$desktop_file"
  echo "$desktop_file" >>"$list"
  while IFS= read -r icon; do
    rel=${icon#"$app_dir/share/icons/"}
    mkdir -p "$data_home/icons/$(dirname "$rel")"
    cp "$icon" "$data_home/icons/$rel"
    echo "$data_home/icons/$rel" >>"$list"
  done < <(find "$app_dir/share/icons" -type f -name "$app_id.*" | sort)
  touch "$data_home/icons/hicolor"  # desktops re-read the icon theme

  if [[ -e $bin_link || -L $bin_link ]] && ! [[ -L $bin_link && $(readlink "$bin_link") == "$app_dir/cxjournal" ]]; then
    say "left $bin_link alone (it is not ours: another cxjournal, perhaps from pipx);"
    say "the menu entry starts this one, and so does $app_dir/cxjournal"
  else
    ln -sfn "$app_dir/cxjournal" "$bin_link"
    echo "$bin_link" >>"$list"
  fi

  say "installed $("$app_dir/cxjournal" --version 2>/dev/null || echo cxjournal) in $app_dir"
  say "open it from your applications menu, or type: cxjournal"
  case ":$PATH:" in
    *":$(dirname "$bin_link"):"*) ;;
    *) say "($(dirname "$bin_link") is not on your PATH yet; it usually is after you log in again)" ;;
  esac
  say "your journal lives in $data_home/cxjournal; uninstall with $app_dir/uninstall.sh"
  # started from a file manager rather than a terminal: open the app, so you see it worked
  if [[ ! -t 1 && -n ${DISPLAY:-}${WAYLAND_DISPLAY:-} ]]; then
    nohup "$app_dir/cxjournal" >/dev/null 2>&1 &
  fi
}

case ${1:-} in
  "") install ;;
  --uninstall) uninstall ;;
  -h | --help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' ;;
  *) fail "unknown option $1 (try --help)" ;;
esac
