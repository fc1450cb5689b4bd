#!/usr/bin/env bash
# Runs every test of Sferum against real parts: a private PostgreSQL per test run, real silos, the real OIDC round
# trip and headless Chromium. Needs the PostgreSQL server programs and /usr/bin/chromium (.ci/run installs both).
# Ends with one line: "N passed, N failed" (", N skipped" when any). Exit status is non-zero when a test failed or
# when no test ran.
set -uo pipefail
cd "$(dirname "$0")"
results="$PWD/TestResults"
started=$(date +%s)
rm -rf "$results"

dotnet build Sferum.sln -c Release -nologo -v quiet -clp:NoSummary || { echo "0 passed, 1 failed"; echo "build failed" >&2; exit 1; }

# One project at a time: each starts its own PostgreSQL, silos and browsers, and the machine has two cores.
for project in tests/*.Tests/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  echo "== $name"
  # The video tests send media; they run in a network namespace of their own (scripts/in-netns.sh).
  wrap=()
  [ "$name" = Sferum.Video.Tests ] && wrap=(scripts/in-netns.sh)
  "${wrap[@]}" dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
    --results-directory "$results" || true
done

# Lighthouse on the five pages people use most, against a demo system of its own: each page is one more test result.
# A run that ends without its TRX (the demo did not start, Lighthouse crashed) counts as one failed test.
echo "== Lighthouse"
LIGHTHOUSE_OUT="$results/lighthouse" LIGHTHOUSE_TRX="$results/Lighthouse.trx" scripts/lighthouse.sh || true
if [ ! -s "$results/Lighthouse.trx" ]; then
  printf '%s\n' '<?xml version="1.0" encoding="UTF-8"?>' \
    '<TestRun name="Lighthouse"><Results><UnitTestResult testName="Lighthouse: the command produced no result (see the log above)" outcome="Failed" /></Results><ResultSummary outcome="Failed"><Counters total="1" executed="1" passed="0" failed="1" /></ResultSummary></TestRun>' \
    > "$results/Lighthouse.trx"
fi

echo "tests took $(( $(date +%s) - started )) s"
scripts/summarize-trx.sh "$results"
