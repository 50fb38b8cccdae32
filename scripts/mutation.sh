#!/usr/bin/env bash
# Mutation testing: do the tests fail when the code under them is wrong?
# Runs Stryker.NET (installed into artifacts/tools on first use, from the NuGet registry) on each behavioural area,
# one configuration per area in scripts/mutation/<area>.json (string mutants included: messages are contracts):
#   runtime-query     queries: tokenizer, parser, versions, variants, compilers, targets, filters
#   runtime-lookup    hash lookup, the combined hash index and full-hash table, Combine, SpecDiff
#   runtime-archspec  archspec's graph and detection, SpackArch
#   generator-parsing the YAML tree readers (FlowLineReader, YamlTreeReader, FrontMatter)
#   generator-pages   one page's checks and the field kinds (their reading and checking side, as the generator compiles them)
#   runtime-fields    the field kinds as SpecGen.Runtime compiles them (their decoding side); the two reports together:
#                     scripts/mutation/summary.py artifacts/mutation/{generator-pages,runtime-fields}/reports/mutation-report.json
#   generator-catalog the checks across pages, identifiers, the API model, the encoder, the chunk planner
#   tool              fetch, page sources, the tool's page checks (tests/SpecGen.Integration.Tests)
# and writes, per area, artifacts/mutation/<area>/summary.md (scripts/mutation/summary.py: score, per-file counts,
# every survivor). Not a CI step: on 2 cores an area takes from ten minutes to over an hour (docs/mutation.md).
# Usage: scripts/mutation.sh [area]...   (default: every area)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tools="$root/artifacts/tools"
if [ ! -x "$tools/dotnet-stryker" ]; then
  dotnet tool install --tool-path "$tools" dotnet-stryker --version 5.1.0
fi
scores=()
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(runtime-query runtime-lookup runtime-archspec runtime-fields generator-parsing generator-pages generator-catalog tool)
for target in "${targets[@]}"; do
  out="$root/artifacts/mutation/$target"
  rm -rf "$out"
  mkdir -p "$out"
  tests="$root/tests/SpecGen.Tests"
  [ "$target" = tool ] && tests="$root/tests/SpecGen.Integration.Tests"
  start=$(date +%s)
  (cd "$tests" &&
    "$tools/dotnet-stryker" --config-file "$root/scripts/mutation/$target.json" --output "$out" --break-at 0) > "$out/log.txt" 2>&1 || true
  report=$(find "$out" -name mutation-report.json | head -n 1)
  if [ -z "$report" ]; then
    scores+=("$target: no report (see $out/log.txt)")
    continue
  fi
  {
    echo "## $target ($(git -C "$root" rev-parse --short HEAD), $(( ($(date +%s) - start) / 60 )) min)"
    echo
    python3 "$root/scripts/mutation/summary.py" "$report" --survivors
  } > "$out/summary.md"
  scores+=("$target: $(sed -n 3p "$out/summary.md")")
done
printf '%s\n' "${scores[@]}"
