#!/usr/bin/env bash
# Installs schemathesis, the API fuzzer the services' fuzz tests run, exactly as pinned in
# requirements.txt beside this script, into a Python virtual environment in a cache folder
# outside the repository (reused while the pins are unchanged), and prints the path of its `st`:
#
#   packages/api-fuzz/install-schemathesis.sh           # install when needed; CI runs this
#   packages/api-fuzz/install-schemathesis.sh --check   # print the path, or exit 1 saying why
#
# This script owns where schemathesis lives; the tests ask it with --check (SCHEMATHESIS_BIN,
# when set, wins over both). Needs Python 3.11 or newer with its venv module; set PYTHON to pick
# an interpreter.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
requirements=$here/requirements.txt
version=$(sed -n 's/^schemathesis==\([^ ;#]*\).*/\1/p' "$requirements")
if [ -z "$version" ]; then
  echo "install-schemathesis: no schemathesis==<version> line in $requirements" >&2
  exit 1
fi
dir=${XDG_CACHE_HOME:-$HOME/.cache}/slipway/schemathesis-$version
st=$dir/bin/st
# Written last, the pins it was installed from: an interrupted or outdated install has none, or
# different ones. Comments do not count (`npm run init` rewrites the scope in them).
stamp=$dir/installed-pins.txt
pins() { sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$requirements"; }

if [ -x "$st" ] && [ -f "$stamp" ] && [ "$(pins)" = "$(cat "$stamp")" ]; then
  printf '%s\n' "$st"
  exit 0
fi
if [ "${1:-}" = --check ]; then
  if [ -d "$dir" ]; then
    echo "schemathesis $version in $dir is incomplete or installed from other pins." >&2
  else
    echo "schemathesis $version is not installed (looked in $dir)." >&2
  fi
  exit 1
fi

python=''
for candidate in ${PYTHON:-} python3 python3.13 python3.12 python3.11; do
  if command -v "$candidate" >/dev/null 2>&1 &&
    "$candidate" -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    python=$candidate
    break
  fi
done
if [ -z "$python" ]; then
  printf '%s\n' "install-schemathesis: schemathesis $version needs Python 3.11 or newer with its" \
    "  venv and ensurepip modules (Debian/Ubuntu: apt-get install python3 python3-venv; macOS:" \
    "  brew install python), or set PYTHON to such an interpreter." >&2
  exit 1
fi

echo "install-schemathesis: installing schemathesis $version with $("$python" --version) into $dir" >&2
# A virtual environment records its own path, so it is built in place, not moved there.
rm -rf "$dir"
mkdir -p "$(dirname "$dir")"
"$python" -m venv "$dir"
"$dir/bin/python" -m pip install --quiet --disable-pip-version-check --no-input \
  --requirement "$requirements" >&2
"$st" --version >&2
pins >"$stamp"
printf '%s\n' "$st"
