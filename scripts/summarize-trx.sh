#!/usr/bin/env bash
# Sums the <Counters> of every TRX file in a folder and prints "N passed, N failed[, N skipped]".
# Exits 1 when a test failed or none ran (a missing or unreadable result counts as a failure).
set -euo pipefail
folder=${1:?usage: summarize-trx.sh RESULTS_FOLDER}
passed=0 failed=0 skipped=0 files=0
shopt -s nullglob
for trx in "$folder"/*.trx; do
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
  # Name what failed so that the tail of a long CI log says which test to look at.
  # CI shows only the tail of its log, so each failure also gets a short excerpt of its message: the first lines
  # (the assertion) and the last ones (where a harness prints its verdict).
  python3 - "$trx" <<'PY' || grep -o '<UnitTestResult [^>]*outcome="\(Failed\|Error\|Timeout\|Aborted\)"[^>]*>' "$trx" \
    | grep -o 'testName="[^"]*"' | sed 's/^testName="\(.*\)"$/FAILED: \1/' || true
import sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
root = ET.parse(sys.argv[1]).getroot()
for result in root.iter():
    if not result.tag.endswith("UnitTestResult") or result.get("outcome") not in ("Failed", "Error", "Timeout", "Aborted"):
        continue
    print("FAILED: " + result.get("testName", "?"))
    message = next((m.text or "" for m in result.iter() if m.tag.endswith("Message")), "")
    lines = [l.rstrip()[:300] for l in message.splitlines() if l.strip()]
    excerpt = lines if len(lines) <= 14 else lines[:3] + ["  …"] + lines[-10:]
    for line in excerpt:
        print("  | " + line)
PY
done
expected=$(ls -d "$(dirname "$0")"/../tests/*.Tests 2>/dev/null | wc -l)
if [ "$files" -lt "$expected" ]; then
  echo "only $files of $expected test projects produced results" >&2
  failed=$((failed + expected - files))
fi
line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
