#!/bin/sh
# Installs BudgetPerf from this folder: the program, its menu entry and its
# icon. For yourself (default: ~/.local) or, as root, for everyone:
#
#   ./install.sh                 into ~/.local (bin, share/applications, share/icons)
#   sudo ./install.sh /usr/local into /usr/local
#   ./install.sh --uninstall [PREFIX]   removes them again (your data stays in ~/.config/BudgetPerf)
#
# Needs OpenGL 2.1 and the X11 or Wayland client libraries (any desktop has them).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
uninstall=0
if [ "${1:-}" = "--uninstall" ]; then
	uninstall=1
	shift
fi
if [ $# -gt 0 ]; then
	prefix=$1
elif [ "$(id -u)" -eq 0 ]; then
	prefix=/usr/local
else
	prefix=$HOME/.local
fi
files="bin/budgetperf share/applications/budgetperf.desktop share/mime/packages/budgetperf.xml"
for size in 48 64 128 256 512; do
	files="$files share/icons/hicolor/${size}x${size}/apps/budgetperf.png"
done
if [ "$uninstall" = 1 ]; then
	for f in $files; do rm -f "$prefix/$f"; done
	echo "Removed BudgetPerf from $prefix. Your data in ~/.config/BudgetPerf is kept."
	exit 0
fi
for f in $files; do
	mkdir -p "$(dirname "$prefix/$f")"
	cp "$here/$f" "$prefix/$f"
done
chmod 755 "$prefix/bin/budgetperf"
# The menu entry (which also opens .bpbak backups) names the program by its full path: ~/.local/bin is not on
# every desktop session's PATH.
sed -i "s|^Exec=budgetperf|Exec=$prefix/bin/budgetperf|" "$prefix/share/applications/budgetperf.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$prefix/share/applications" 2>/dev/null || true
command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$prefix/share/mime" 2>/dev/null || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$prefix/share/icons/hicolor" 2>/dev/null || true
echo "Installed BudgetPerf into $prefix: run $prefix/bin/budgetperf, or find 预算绩效一体化 / BudgetPerf in the menu."
