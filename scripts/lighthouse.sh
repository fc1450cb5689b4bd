#!/usr/bin/env bash
# Lighthouse (mobile emulation) on the pages people use most — the landing page, the chat list, a busy class chat, a
# meeting page and the admin's roster import — with a signed-in demo user. Prints a table; writes OUTDIR/lighthouse.json
# and every full report; exits 1 when a page scores under performance 90, accessibility 95 or best practices 95.
#
#   scripts/lighthouse.sh                         # starts its own demo system (as ./run.sh does) on spare ports
#   scripts/lighthouse.sh http://127.0.0.1:5000   # a demo system that is already running (./run.sh)
#
# OUTDIR is $LIGHTHOUSE_OUT (default TestResults/lighthouse); LIGHTHOUSE_TRX=FILE also writes the result as a TRX
# (one test per page: ./test.sh counts it). Needs Node.js with npm and /usr/bin/chromium; the
# meeting page needs Janus (as ./run.sh does). The demo logins teacher/teacher and admin/admin are used.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=${LIGHTHOUSE_OUT:-$root/TestResults/lighthouse}
mkdir -p "$out"
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}

# Lighthouse 12.2.3: 13 wants Node 22 (Debian 12 has 20). The lock pins every package.
if [ ! -d tools/lighthouse/node_modules/lighthouse ]; then
  (cd tools/lighthouse && npm ci --no-audit --no-fund --loglevel=error)
fi

audit() { node tools/lighthouse/audit.mjs --url "$1" --out "$out" ${LIGHTHOUSE_TRX:+--trx "$LIGHTHOUSE_TRX"}; }

if [ $# -ge 1 ]; then
  audit "$1"
  exit
fi

# Its own demo system: the launcher that ./run.sh starts, on ports away from ./run.sh's defaults and below the kernel's
# ephemeral range (32768 and up), so that no outgoing connection of an earlier test can hold one of them.
launcher=Sferum.Launcher/bin/Release/net10.0/Sferum.Launcher.dll
[ -f "$launcher" ] || dotnet build Sferum.sln -c Release -nologo -v quiet -clp:NoSummary
log=$out/demo.log
demo=
data=
stop_demo() {
  [ -n "$demo" ] || return 0
  kill -TERM "$demo" 2>/dev/null || true
  # SIGTERM: a background job of a script ignores SIGINT. The launcher stops its services and PostgreSQL cleanly; give it the time it needs, then make sure.
  for _ in $(seq 60); do kill -0 "$demo" 2>/dev/null || break; sleep 1; done
  kill -KILL "$demo" 2>/dev/null || true
  rm -rf "$data"
  demo=
}
trap stop_demo EXIT

# Starts the demo system in a fresh folder, its ports moved by $1; ready when the demo roster has gone in through the
# journal API (the teacher is then in 5А). Returns 1, with the launcher's last lines on stderr, when it stopped or was
# not ready in 3 minutes.
start_demo() {
  local shift=$1
  web_port=$(( ${LIGHTHOUSE_WEB_PORT:-5610} + shift ))
  data=$(mktemp -d /tmp/sferum-lighthouse.XXXXXX)
  chmod 755 "$data" # the private PostgreSQL runs as the postgres account when this runs as root
  dotnet "$launcher" --web-port "$web_port" --identity-port $(( ${LIGHTHOUSE_IDENTITY_PORT:-5710} + shift )) \
    --postgres-port $(( ${LIGHTHOUSE_POSTGRES_PORT:-25610} + shift )) --silo-port $(( ${LIGHTHOUSE_SILO_PORT:-11610} + shift )) \
    --gateway-port $(( ${LIGHTHOUSE_GATEWAY_PORT:-30610} + shift )) --data-dir "$data" >"$log" 2>&1 &
  demo=$!
  for _ in $(seq 180); do
    grep -q "Demo roster pushed" "$log" && return 0
    kill -0 "$demo" 2>/dev/null || { echo "the demo system did not start:" >&2; tail -40 "$log" >&2; return 1; }
    sleep 1
  done
  echo "the demo system was not ready within 3 minutes:" >&2
  tail -40 "$log" >&2
  return 1
}

# One more try, on the next ports, after a failed start: the reason is printed above (a port held by another program
# is the one seen so far), and the second try's failure fails the run.
if ! start_demo 0; then
  stop_demo
  echo "starting the demo system once more, on the next ports" >&2
  start_demo 1 || exit 1
fi
audit "http://127.0.0.1:$web_port"
