#!/usr/bin/env bash
# Prints the connection string of the private PostgreSQL that ./run.sh created (for a second silo or psql).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-.sferum}/postgres
port=${SFERUM_POSTGRES_PORT:-55432}
[ -f "$dir/password" ] || { echo "No private PostgreSQL in $dir: run ./run.sh first." >&2; exit 1; }
echo "Host=127.0.0.1;Port=$port;Database=sferum;Username=postgres;Password=$(cat "$dir/password")"
