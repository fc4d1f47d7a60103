#!/usr/bin/env bash
# Installs the linters pinned in lint-tools/requirements.txt beside this script (zizmor, hadolint)
# into a Python virtual environment in a cache folder outside the repository, reused while the pins
# are unchanged (no network then), and prints the folder holding their binaries:
#
#   scripts/install-lint-tools.sh           # install when needed; CI and the scripts' tests run this
#   scripts/install-lint-tools.sh --check   # print the folder, or exit 1 saying why
#
# Needs Python 3.9 or newer with its venv module; set PYTHON to pick an interpreter.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
requirements=$here/lint-tools/requirements.txt
pins() { sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$requirements"; }
# Keyed by the pins themselves: a new version gets a new folder, an old one stays usable.
key=$(pins | tr '\n=' '-_' | tr -cd 'A-Za-z0-9._-')
dir=${XDG_CACHE_HOME:-$HOME/.cache}/slipway/lint-tools-${key%-}
# Written last: an interrupted install has none.
stamp=$dir/installed-pins.txt

if [ -f "$stamp" ] && [ "$(pins)" = "$(cat "$stamp")" ]; then
  printf '%s\n' "$dir/bin"
  exit 0
fi
if [ "${1:-}" = --check ]; then
  echo "the lint tools ($(pins | tr '\n' ' ')) are not installed in $dir; run scripts/install-lint-tools.sh" >&2
  exit 1
fi

python=''
for candidate in ${PYTHON:-} python3; do
  if command -v "$candidate" >/dev/null 2>&1 &&
    "$candidate" -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 9))' 2>/dev/null; then
    python=$candidate
    break
  fi
done
if [ -z "$python" ]; then
  printf '%s\n' "install-lint-tools: needs Python 3.9 or newer with its venv and ensurepip modules" \
    "  (Debian/Ubuntu: apt-get install python3 python3-venv; macOS: brew install python), or set" \
    "  PYTHON to such an interpreter." >&2
  exit 1
fi

echo "install-lint-tools: installing $(pins | tr '\n' ' ')into $dir" >&2
# A virtual environment records its own path, so it is built in place, not moved there.
rm -rf "$dir"
mkdir -p "$(dirname "$dir")"
"$python" -m venv "$dir"
"$dir/bin/python" -m pip install --quiet --disable-pip-version-check --no-input \
  --only-binary=:all: --requirement "$requirements" >&2
"$dir/bin/zizmor" --version >&2
"$dir/bin/hadolint" --version >&2
pins >"$stamp"
printf '%s\n' "$dir/bin"
