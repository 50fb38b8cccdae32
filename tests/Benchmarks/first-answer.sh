#!/usr/bin/env bash
# Where a fresh process's first answer goes: packs SpecGen, builds a consumer of the S1 pages and one of a single page
# (as measure.sh does), each printing the time from Main to the catalog made, the first lookup, and the answer's text;
# then runs each in `runs` fresh processes. (RESULTS.md, "First answer": the floor of a one-page catalog.)
# Usage: tests/Benchmarks/first-answer.sh [runs]    (about 3 minutes)
set -euo pipefail
runs=${1:-5}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/specgen-first-answer-XXXXXX)
trap 'rm -rf "$work"' EXIT
# shellcheck source=tests/Benchmarks/lib.sh
source "$root/tests/Benchmarks/lib.sh"
specgen_pack first-answer
$bench write-pages S1 "$work/pages" > /dev/null
# sed reads to the end (head would close the pipe early, and pipefail would end the script silently on sort's SIGPIPE).
first=$(find "$work/pages" -name specs.md | sort | sed -n 1p)
hash=$(grep -o '"hash": "[a-z0-9]*"' "$first" | sed -n 1p | cut -d'"' -f4)
for consumer in S1 one; do
  dir="$work/$consumer"
  mkdir -p "$dir"
  pages="$work/pages/*/*/specs.md"
  [ "$consumer" = one ] && pages="$first"
  nuget_config "$dir"
  cat > "$dir/Consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings><Nullable>enable</Nullable></PropertyGroup>
  <ItemGroup><PackageReference Include="SpecGen" Version="$version" /><SpackCachePage Include="$pages" /></ItemGroup>
</Project>
XML
  cat > "$dir/Program.cs" <<'CS'
using System.Diagnostics;
long start = Stopwatch.GetTimestamp();
double Ms() => Stopwatch.GetElapsedTime(start).TotalMilliseconds;
var catalog = Consumer.SpackCache.Catalog;
double made = Ms();
bool found = catalog.TryFindByHash(args[0], out SpecGen.Spec spec);
double looked = Ms();
string answer = found ? spec.Package + "@" + spec.Version : "none";
double text = Ms();
Console.WriteLine($"catalog made {made:F1} ms, first lookup {looked:F1} ms, answer's text {text:F1} ms ({catalog.Count} specs, {answer})");
CS
  dotnet build "$dir" -c Release -nologo -v:q -p:UseSharedCompilation=false > "$work/build.log" 2>&1 || { tail -30 "$work/build.log"; exit 1; }
  echo "$consumer:"
  for i in $(seq "$runs"); do dotnet "$dir/bin/Release/net10.0/Consumer.dll" "$hash"; done
done
