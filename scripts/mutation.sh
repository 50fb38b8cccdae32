#!/usr/bin/env bash
# Mutation testing: do the tests fail when the code under them is wrong?
# Runs Stryker.NET (installed into artifacts/tools on first use, from the NuGet registry) on
#   runtime   the runtime's query, variant and version code (scripts/mutation/runtime.json)
#   generator the generator's page checks (scripts/mutation/generator.json)
# and prints each score. Not a CI step: a run takes tens of minutes on 2 cores.
# Usage: scripts/mutation.sh [runtime|generator]...   (default: both)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tools="$root/artifacts/tools"
if [ ! -x "$tools/dotnet-stryker" ]; then
  dotnet tool install --tool-path "$tools" dotnet-stryker --version 5.1.0
fi
scores=()
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(runtime generator)
for target in "${targets[@]}"; do
  out="$root/artifacts/mutation/$target"
  rm -rf "$out"
  mkdir -p "$out"
  (cd "$root/tests/SpecGen.Tests" &&
    "$tools/dotnet-stryker" --config-file "$root/scripts/mutation/$target.json" --output "$out" --break-at 0) | tee "$out/log.txt"
  scores+=("$target: $(grep -o 'final mutation score is [0-9.]*' "$out/log.txt" | tail -n 1) %  (report: $(find "$out" -name mutation-report.html | head -n 1))")
done
printf '%s\n' "${scores[@]}"
