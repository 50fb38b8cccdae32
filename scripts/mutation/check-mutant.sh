#!/usr/bin/env bash
# Applies one hand-written mutant to a source file, runs the tests that should kill it, and puts the file back.
# Usage: scripts/mutation/check-mutant.sh FILE 'exact original text' 'mutated text' 'test filter' [test project]
# The original text must occur exactly once in FILE. Prints the test summary: "Failed!" means the mutant is killed.
# Do not run it while scripts/mutation.sh runs in the same checkout (both build the test project).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
file="$1" original="$2" mutated="$3" filter="$4" project="${5:-tests/SpecGen.Tests}"
cd "$root"
backup=$(mktemp)
cp "$file" "$backup"
trap 'cp "$backup" "$file"; rm -f "$backup"' EXIT
python3 - "$file" "$original" "$mutated" <<'PY'
import sys
path, old, new = sys.argv[1:4]
text = open(path).read()
if text.count(old) != 1:
    sys.exit(f"{path}: the original text occurs {text.count(old)} times, not once")
open(path, "w").write(text.replace(old, new))
PY
result=$(dotnet test "$project" --filter "$filter" 2>&1 | grep -E "Passed!|Failed!|error CS" | head -n 3 || true)
echo "$file [$original -> $mutated]: ${result:-no test summary}"
