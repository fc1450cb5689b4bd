#!/usr/bin/env bash
# Starts the whole of Sferum on this machine with demo data: a private PostgreSQL (unless --connection-string or
# SFERUM_CONNECTION_STRING is given), Sferum.DevIdentity, one silo and the portal on http://127.0.0.1:5000.
# Ctrl-C stops everything. Options: ./run.sh --help
set -euo pipefail
cd "$(dirname "$0")"
if [ -z "${SFERUM_CONNECTION_STRING:-}" ] && [[ " $* " != *" --connection-string "* ]]; then
  scripts/ensure-postgres.sh
fi
# The portal's build installs the SignalR browser client with npm.
if ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
  else
    echo "npm is needed to build the portal: install Node.js and npm (Debian: apt-get install nodejs npm)." >&2
    exit 1
  fi
fi
# Video meetings run on a private Janus; recordings are post-processed with janus-pp-rec and ffmpeg.
if [ ! -x /usr/bin/janus ] || [ ! -x /usr/bin/janus-pp-rec ] || [ ! -x /usr/bin/ffmpeg ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq janus janus-tools ffmpeg >/dev/null
  else
    echo "Janus is not installed: Sferum starts without video meetings (apt-get install janus janus-tools ffmpeg)." >&2
  fi
fi
dotnet build Sferum.Launcher/Sferum.Launcher.csproj -c Release -nologo -v quiet -clp:NoSummary
exec dotnet Sferum.Launcher/bin/Release/net10.0/Sferum.Launcher.dll "$@"
