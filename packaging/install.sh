#!/usr/bin/env bash
# Install the standalone bundle for the current user (no root needed):
#   ~/.local/opt/recovery-guide/               the bundle folder (replaced if already there)
#   ~/.local/bin/recovery-guide                a link to its program, for the command line
#   ~/.local/share/applications/recovery-guide.desktop
#   ~/.local/share/icons/hicolor/scalable/apps/recovery-guide.svg
# Run it as packaging/install.sh in a checkout after `make bundle`, or as ./install.sh inside a
# copied bundle folder (make bundle puts a copy there), or give the bundle folder as argument.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
if [[ $# -ge 1 ]]; then
    bundle="$(cd "$1" && pwd)"
elif [[ -x "$here/recovery-guide" && -d "$here/_internal" ]]; then
    bundle="$here"
else
    bundle="$(cd "$here/.." && pwd)/dist/recovery-guide"
fi
if [[ ! -x "$bundle/recovery-guide" || ! -d "$bundle/_internal" ]]; then
    echo "install.sh: no bundle at $bundle (run 'make bundle' first)" >&2
    exit 1
fi
for file in recovery-guide.desktop recovery-guide.svg; do
    if [[ ! -f "$bundle/$file" && ! -f "$here/$file" ]]; then
        echo "install.sh: $file is missing from $bundle" >&2
        exit 1
    fi
done
asset() { if [[ -f "$bundle/$1" ]]; then echo "$bundle/$1"; else echo "$here/$1"; fi; }

data="${XDG_DATA_HOME:-$HOME/.local/share}"
target="$HOME/.local/opt/recovery-guide"

mkdir -p "$HOME/.local/opt" "$HOME/.local/bin" "$data/applications" "$data/icons/hicolor/scalable/apps"
rm -rf "$target.new"
cp -a "$bundle" "$target.new"
rm -rf "$target"
mv "$target.new" "$target"
ln -sfn "$target/recovery-guide" "$HOME/.local/bin/recovery-guide"

# The launcher names the program by its full path: ~/.local/bin is not always on a desktop's PATH.
sed "s|^Exec=recovery-guide|Exec=$target/recovery-guide|" "$(asset recovery-guide.desktop)" \
    >"$data/applications/recovery-guide.desktop"
cp "$(asset recovery-guide.svg)" "$data/icons/hicolor/scalable/apps/recovery-guide.svg"

echo "Installed $("$target/recovery-guide" --version) in $target"
echo "Kiosk: install -Dm644 $(asset recovery-guide.service) ~/.config/systemd/user/recovery-guide.service"
echo "       systemctl --user daemon-reload && systemctl --user enable --now recovery-guide"
