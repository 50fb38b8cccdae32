#!/usr/bin/env bash
# Whole-process measurements that BenchmarkDotNet cannot make, each as a ratio taken in one run:
#  1. time to first answer in a fresh process: SpecGen's catalog vs YamlDotNet parsing the pages at start-up
#     (both measured from Main's first line to the answer of one hash lookup);
#  2. a clean `dotnet build` of a consumer with S1 and with S10 pages vs the same consumer with one page;
#  3. the catalog's share of the consumer DLL vs the pages' total bytes;
#  4. peak memory (max RSS, /usr/bin/time) of those builds.
# The consumer uses the packed SpecGen package, as a user does; the compiler runs in the build's own process
# tree (no compiler server), so /usr/bin/time sees its memory.
# Usage: tests/Benchmarks/measure.sh [runs]   (default 5 runs per timing; the median is reported)
set -euo pipefail
runs=${1:-5}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/specgen-measure-XXXXXX)
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0

echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), .NET SDK $(dotnet --version)"
dotnet build "$root/tests/Benchmarks" -c Release -nologo -v:q > "$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
version="0.0.0-measure.$(date -u +%Y%m%d%H%M%S)"
dotnet pack "$root/src/Runtime" -c Release -o "$work/feed" -p:Version="$version" -nologo -v:q > "$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
bench="dotnet $root/tests/Benchmarks/bin/Release/net10.0/SpecGen.Benchmarks.dll"

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.4f", a / b }'; }

declare -A pagebytes hash
for corpus in one S1 S10; do
  line=$($bench write-pages "$corpus" "$work/pages-$corpus")
  pagebytes[$corpus]=$(echo "$line" | awk '{ print $3 }')
  hash[$corpus]=$(echo "$line" | awk '{ print $NF }')
  echo "pages $corpus: $line"
done

# A consumer of the packed SpecGen package, as a user has it.
make_consumer() {
  local dir="$work/consumer-$1"
  mkdir -p "$dir"
  cat > "$dir/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="specgen" value="$work/feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
XML
  cat > "$dir/Consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <RootNamespace>Consumer</RootNamespace>
    <ImplicitUsings>enable</ImplicitUsings>
    <NoWarn>\$(NoWarn);SPG0017</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="SpecGen" Version="$version" />
    <SpackCachePage Include="$work/pages-$1/**/specs.md" />
  </ItemGroup>
</Project>
XML
  cat > "$dir/Program.cs" <<'CS'
using System.Diagnostics;
long start = Stopwatch.GetTimestamp();
bool found = Consumer.SpackCache.Catalog.TryFindByHash(args[0], out SpecGen.Spec spec);
string answer = found ? spec.Package + "@" + spec.Version : "none";
double micros = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
Console.WriteLine("answer: " + answer);
Console.WriteLine($"first-answer-us: {micros:F0}");
return found ? 0 : 1;
CS
  dotnet restore "$dir" -nologo -v:q > /dev/null
}

declare -A buildtime buildmem dllsize
for corpus in one S1 S10; do
  make_consumer "$corpus"
  times=()
  for i in $(seq "$runs"); do
    rm -rf "$work/consumer-$corpus/bin" "$work/consumer-$corpus/obj/Release"
    /usr/bin/time -f "%e %M" -o "$work/time" dotnet build "$work/consumer-$corpus" -c Release --no-restore -nologo -v:q \
      -p:UseSharedCompilation=false > "$work/build-$corpus.log" 2>&1 || { cat "$work/build-$corpus.log"; echo "build with $corpus failed"; exit 1; }
    times+=("$(cat "$work/time")")
  done
  buildtime[$corpus]=$(printf '%s\n' "${times[@]}" | awk '{ print $1 }' | median)
  buildmem[$corpus]=$(printf '%s\n' "${times[@]}" | awk '{ print $2 }' | sort -n | tail -1)
  dllsize[$corpus]=$(stat -c %s "$work/consumer-$corpus/bin/Release/net10.0/Consumer.dll")
  echo "build $corpus: ${buildtime[$corpus]} s (median of $runs), peak RSS ${buildmem[$corpus]} KB, Consumer.dll ${dllsize[$corpus]} bytes"
done

first_answer() { for i in $(seq "$runs"); do "$@" | awk '/first-answer-us/ { print $2 }'; done | median; }
specgen_s1=$(first_answer dotnet "$work/consumer-S1/bin/Release/net10.0/Consumer.dll" "${hash[S1]}")
yaml_s1=$(first_answer $bench yaml-first-answer "$work/pages-S1" "${hash[S1]}")
echo "first answer S1: SpecGen $specgen_s1 us, YamlDotNet at start-up $yaml_s1 us (medians of $runs fresh processes)"

echo
echo "| measure | value | goal |"
echo "| --- | --- | --- |"
echo "| first answer, SpecGen / YamlDotNet at start-up (S1) | $(ratio "$specgen_s1" "$yaml_s1") ($specgen_s1 us / $yaml_s1 us) | <= 0.01 |"
echo "| clean build S1 / one page | $(ratio "${buildtime[S1]}" "${buildtime[one]}") (${buildtime[S1]} s / ${buildtime[one]} s) | <= 1.5 |"
echo "| clean build S10 / one page | $(ratio "${buildtime[S10]}" "${buildtime[one]}") (${buildtime[S10]} s / ${buildtime[one]} s) | <= 3.0 |"
catalog=$(( dllsize[S1] - dllsize[one] ))
pages=$(( pagebytes[S1] - pagebytes[one] ))
echo "| catalog bytes in the DLL / page bytes (S1) | $(ratio "$catalog" "$pages") ($catalog / $pages) | <= 0.3 |"
catalog10=$(( dllsize[S10] - dllsize[one] ))
pages10=$(( pagebytes[S10] - pagebytes[one] ))
echo "| catalog bytes in the DLL / page bytes (S10) | $(ratio "$catalog10" "$pages10") ($catalog10 / $pages10) | <= 0.3 |"
echo "| peak build memory: one / S1 / S10 | ${buildmem[one]} / ${buildmem[S1]} / ${buildmem[S10]} KB | |"
