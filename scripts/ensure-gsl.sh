#!/usr/bin/env bash
# Installs the GNU Scientific Library's development files (libgsl-dev), and zlib's (zlib1g-dev, for the
# Word reports' zip package), when they are missing.
# Used by scripts/seed.sh, scripts/test.sh and .ci/run, so a fresh Debian machine needs nothing else.
set -euo pipefail
if pkg-config --exists gsl zlib 2>/dev/null; then
  exit 0
fi
echo "trialsize: libgsl-dev or zlib1g-dev is missing; installing them with apt-get" >&2
if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
else
  echo "trialsize: cannot install libgsl-dev: not root and no sudo. Run as root: apt-get install -y libgsl-dev zlib1g-dev pkg-config" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq libgsl-dev zlib1g-dev pkg-config >/dev/null
pkg-config --exists gsl zlib || { echo "trialsize: libgsl-dev installed but pkg-config cannot find gsl or zlib" >&2; exit 1; }
