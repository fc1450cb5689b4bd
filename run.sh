#!/usr/bin/env bash
# Starts the whole of Sferum on this machine with demo data: a private PostgreSQL (unless --connection-string or
# SFERUM_CONNECTION_STRING is given), Sferum.DevIdentity, one silo and the portal on http://127.0.0.1:5000.
# Ctrl-C stops everything. Options: ./run.sh --help
set -euo pipefail
cd "$(dirname "$0")"
if [ -z "${SFERUM_CONNECTION_STRING:-}" ] && [[ " $* " != *" --connection-string "* ]]; then
  scripts/ensure-postgres.sh
fi
dotnet build Sferum.Launcher/Sferum.Launcher.csproj -c Release -nologo -v quiet -clp:NoSummary
exec dotnet Sferum.Launcher/bin/Release/net10.0/Sferum.Launcher.dll "$@"
