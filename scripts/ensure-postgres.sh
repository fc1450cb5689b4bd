#!/usr/bin/env bash
# Installs the PostgreSQL server programs (initdb, pg_ctl) when this machine lacks them. Debian/Ubuntu, as root.
set -euo pipefail
if command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "PostgreSQL server programs are missing: install the 'postgresql' package, or pass --connection-string." >&2
  exit 1
fi
echo "Installing PostgreSQL server programs (apt-get install postgresql)..."
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
