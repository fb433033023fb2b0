#!/usr/bin/env bash
# Set up a working flowviz checkout: a virtual env with flowviz and its test tools, Graphviz's
# `dot` and Debian's Chromium (installed with apt-get when missing and we run as root), and
# Mermaid itself (npm, in tools/mermaid) to check the Mermaid flowviz writes.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "flowviz needs Python 3.11 or newer (found: $("$PYTHON" --version 2>&1))" >&2
  exit 1
fi

apt_install() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: $* missing; install it (e.g. 'sudo apt-get install -y $*') and run again" >&2
    return 1
  fi
  if [ -z "${FLOWVIZ_APT_UPDATED:-}" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    export FLOWVIZ_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

if ! command -v dot >/dev/null 2>&1; then
  echo "setup: installing Graphviz (dot)"
  apt_install graphviz fonts-dejavu-core
fi

if [ ! -x /usr/bin/chromium ]; then
  echo "setup: installing Chromium (headless browser for the HTML report's tests)"
  apt_install chromium fonts-dejavu-core
fi

if [ ! -d tools/mermaid/node_modules/mermaid ]; then
  if command -v npm >/dev/null 2>&1; then
    echo "setup: installing Mermaid (npm, tools/mermaid)"
    (cd tools/mermaid && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  else
    echo "setup: npm missing; install Node.js 20+ to check Mermaid output" >&2
    exit 1
  fi
fi

if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.flowviz-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "setup: installing flowviz and its dependencies into .venv"
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
  touch "$stamp"
fi
echo "setup: ready ($(.venv/bin/flowviz --version), $(dot -V 2>&1 | head -1))"
