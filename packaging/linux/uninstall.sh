#!/usr/bin/env bash
# Removes cxjournal's program, command, menu entry and icons; never your journal.
exec bash "$(dirname "${BASH_SOURCE[0]}")/install.sh" --uninstall
