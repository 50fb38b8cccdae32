#!/usr/bin/env bash
# Whole-process measurements that BenchmarkDotNet cannot make, each goal as a ratio taken in one run:
#  1. a clean `dotnet build` of a consumer of the packed SpecGen package with the pages of each corpus (one page,
#     S1, S10, one whole snapshot, all snapshots) vs the same consumer with one page, and its peak memory;
#  2. catalog libraries: the all-snapshots pages as ten library projects (one per tag, SpecGenPublic), built once,
#     and a consumer that references their DLLs (as it would their packages) and combines them: its clean build
#     vs the one-page build;
#  3. time to first answer in a fresh process: SpecGen's catalog vs YamlDotNet parsing the pages at start-up (S1);
#  4. the catalog's share of the consumer DLL vs the pages' bytes.
# Clean builds run the compiler in the build's own process tree (no compiler server), so /usr/bin/time sees its memory.
#  5. the rebuild a developer lives with: a one-line edit of Program.cs, then `dotnet build` (with the compiler
#     server, as a developer builds), in the consumer of one snapshot vs the same in the one-page consumer.
#     Also with SpecGenPackageConstants=false (no package constants for the analyzers to visit on every build).
# Usage: tests/Benchmarks/measure.sh [runs] [big-runs] [corpora...]
#   SPECGEN_MEASURE_PROPS: extra MSBuild properties for every consumer build (e.g. -p:SpecGenStringHeapBudget=0 for
#   the UTF-8 form of the blobs).
#   runs: timings per small corpus (default 5; the median is reported); big-runs: per snapshot/all build (default 1).
#   corpora: default "one S1 S10 snapshot all"; the library measure needs "all".
set -euo pipefail
runs=${1:-5}
bigruns=${2:-1}
shift $(( $# > 2 ? 2 : $# ))
corpora=("$@")
[ ${#corpora[@]} -eq 0 ] && corpora=(one S1 S10 snapshot all)
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/specgen-measure-XXXXXX)
trap 'rm -rf "$work"' EXIT
# shellcheck source=tests/Benchmarks/lib.sh
source "$root/tests/Benchmarks/lib.sh"

echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ { print $2 }') GiB, .NET SDK $(dotnet --version), commit $(git -C "$root" rev-parse --short HEAD)"
specgen_pack measure

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
has() { local c; for c in "${corpora[@]}"; do [ "$c" = "$1" ] && return 0; done; return 1; }

declare -A pagebytes hash pagecount
for corpus in one "${corpora[@]}"; do
  [ -n "${pagebytes[$corpus]:-}" ] && continue
  line=$($bench write-pages "$corpus" "$work/pages-$corpus")
  pagecount[$corpus]=$(echo "$line" | awk '{ print $1 }')
  pagebytes[$corpus]=$(echo "$line" | awk '{ print $3 }')
  hash[$corpus]=$(echo "$line" | awk '{ print $NF }')
  echo "pages $corpus: $line"
done

# A consumer of the packed SpecGen package, as a user has it: the pages listed as README lists them,
# <tag>/<package>/specs.md (`*/*/specs.md`; until 2026-12-07 09:30 UTC `**/specs.md`, whose directory walk took 65 ms more of
# each build's evaluation at 6,000 pages).
make_consumer() {
  local dir="$work/consumer-$1"
  mkdir -p "$dir"
  nuget_config "$dir"
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
    <SpackCachePage Include="$work/pages-$1/*/*/specs.md" />
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

# Builds $1 clean $2 times; sets build_time (median, s) and build_mem (max, KB).
timed_build() {
  local dir=$1 n=$2 times=() i
  for i in $(seq "$n"); do
    rm -rf "$dir/bin" "$dir/obj/Release"
    /usr/bin/time -f "%e %M" -o "$work/time" dotnet build "$dir" -c Release --no-restore -nologo -v:q \
      -p:UseSharedCompilation=false ${SPECGEN_MEASURE_PROPS:-} > "$work/build.log" 2>&1 || { tail -n 30 "$work/build.log"; echo "build of $dir failed"; return 1; }
    times+=("$(cat "$work/time")")
  done
  # Each run's time and peak, so the spread is on record (the peak of one build moves by 20% with the GC's timing).
  [ "$n" -gt 1 ] && echo "  runs of $(basename "$dir") (s, KB): $(printf '%s; ' "${times[@]}")"
  build_time=$(printf '%s\n' "${times[@]}" | awk '{ print $1 }' | median)
  build_mem=$(printf '%s\n' "${times[@]}" | awk '{ print $2 }' | sort -n | tail -1)
}

# After a clean build of $1: a one-line edit of Program.cs and `dotnet build`, as a developer has it (the compiler
# server on, so the generator's state is kept between builds); three builds to start and warm the server (a developer's
# server has built the project before; the first edits after its start were 1.5-2.5x the later ones), then $2 timed ones;
# sets edit_time (median, s) and edit_mem (max, KB, of the dotnet process tree, not the server).
# UseSharedCompilation=true is explicit: an environment variable UseSharedCompilation=false (CI machines set it, and
# MSBuild reads environment variables as properties) would otherwise keep the server off.
timed_edit() {
  local dir=$1 n=$2 times=() i
  dotnet build-server shutdown > /dev/null 2>&1 || true
  # The starting builds must compile (a project already built would skip CoreCompile and leave the server unstarted, so
  # the first timed edit would pay for starting the server and its generator driver): each gets an edit of its own.
  for i in 1 2 3; do
    echo "// start $i" >> "$dir/Program.cs"
    dotnet build "$dir" -c Release --no-restore -nologo -v:q -p:UseSharedCompilation=true ${SPECGEN_MEASURE_PROPS:-} > "$work/build.log" 2>&1 || { tail -n 30 "$work/build.log"; echo "rebuild of $dir failed"; return 1; }
  done
  for i in $(seq "$n"); do
    echo "// edit $i" >> "$dir/Program.cs"
    /usr/bin/time -f "%e %M" -o "$work/time" dotnet build "$dir" -c Release --no-restore -nologo -v:q -p:UseSharedCompilation=true \
      ${SPECGEN_MEASURE_PROPS:-} > "$work/build.log" 2>&1 || { tail -n 30 "$work/build.log"; echo "rebuild of $dir failed"; return 1; }
    times+=("$(cat "$work/time")")
  done
  echo "  runs of the edit in $(basename "$dir") (s, KB): $(printf '%s; ' "${times[@]}")"
  edit_time=$(printf '%s\n' "${times[@]}" | awk '{ print $1 }' | median)
  edit_mem=$(printf '%s\n' "${times[@]}" | awk '{ print $2 }' | sort -n | tail -1)
  dotnet build-server shutdown > /dev/null 2>&1 || true
}

declare -A buildtime buildmem dllsize edittime
for corpus in one "${corpora[@]}"; do
  [ -n "${buildtime[$corpus]:-}" ] && continue
  make_consumer "$corpus"
  n=$runs; [ "$corpus" = snapshot ] || [ "$corpus" = all ] && n=$bigruns
  if timed_build "$work/consumer-$corpus" "$n"; then
    buildtime[$corpus]=$build_time; buildmem[$corpus]=$build_mem
    dllsize[$corpus]=$(stat -c %s "$work/consumer-$corpus/bin/Release/net10.0/Consumer.dll")
    echo "build $corpus: ${buildtime[$corpus]} s (median of $n), peak RSS ${buildmem[$corpus]} KB, Consumer.dll ${dllsize[$corpus]} bytes"
    if [ "$corpus" = one ] || [ "$corpus" = snapshot ]; then
      timed_edit "$work/consumer-$corpus" "$runs" && edittime[$corpus]=$edit_time || edittime[$corpus]=failed
      echo "edit of Program.cs + build, $corpus: ${edittime[$corpus]} s (median of $runs), peak RSS ${edit_mem:-?} KB"
    fi
  else
    grep -m1 -E "error [A-Z]+[0-9]+" "$work/build.log" || true
    buildtime[$corpus]=failed; buildmem[$corpus]=failed
  fi
done

# The floor under SpecGen: the corpus's pages as the same additional files (and editorconfig sections), with
# SpecGen's generator taken out of the compilation, so the compiler only reads them. For one snapshot also the floor
# of the C# edit: MSBuild's evaluation of the 6,000 page items and the compiler's reading of them, without SpecGen.
for corpus in snapshot all; do
  has $corpus || continue
  [ "${buildtime[$corpus]}" = failed ] && { buildtime[floor-$corpus]=failed; buildmem[floor-$corpus]=failed; continue; }
  dir="$work/consumer-floor-$corpus"
  cp -r "$work/consumer-$corpus" "$dir"
  rm -rf "$dir/bin" "$dir/obj/Release"
  echo 'System.Console.WriteLine("no catalog");' > "$dir/Program.cs"
  cat > "$dir/Directory.Build.targets" <<'XML'
<Project>
  <Target Name="RemoveSpecGenGenerator" BeforeTargets="CoreCompile">
    <ItemGroup>
      <Analyzer Remove="@(Analyzer)" Condition="'%(Filename)' == 'SpecGen.Generator'" />
    </ItemGroup>
  </Target>
</Project>
XML
  if timed_build "$dir" "$bigruns"; then
    buildtime[floor-$corpus]=$build_time; buildmem[floor-$corpus]=$build_mem
    echo "build $corpus pages without the generator: ${buildtime[floor-$corpus]} s (median of $bigruns), peak RSS ${buildmem[floor-$corpus]} KB"
    if [ "$corpus" = snapshot ]; then
      timed_edit "$dir" "$runs" && edittime[floor]=$edit_time || edittime[floor]=failed
      echo "edit of Program.cs + build, snapshot pages without the generator: ${edittime[floor]} s (median of $runs)"
    fi
  else
    buildtime[floor-$corpus]=failed; buildmem[floor-$corpus]=failed
  fi
done

# The snapshot consumer's C# edit without its 6,000 package constants (SpecGenPackageConstants=false, which a tool that
# only queries the catalog can set): the SDK's analyzers that visit generated code no longer visit them on every build.
if has snapshot && [ "${buildtime[snapshot]}" != failed ]; then
  dir="$work/consumer-noconstants-snapshot"
  cp -r "$work/consumer-snapshot" "$dir"
  rm -rf "$dir/bin" "$dir/obj/Release"
  sed -i 's|<NoWarn>|<SpecGenPackageConstants>false</SpecGenPackageConstants>\n    <NoWarn>|' "$dir/Consumer.csproj"
  timed_edit "$dir" "$runs" && edittime[noconstants]=$edit_time || edittime[noconstants]=failed
  echo "edit of Program.cs + build, snapshot with SpecGenPackageConstants=false: ${edittime[noconstants]} s (median of $runs)"
fi

if has all; then
  # Ten catalog libraries (one per tag of the all-snapshots pages), built together once, as a producer would.
  libs="$work/libraries"
  mkdir -p "$libs"
  nuget_config "$libs"
  refs=""
  combine=""
  i=0
  for tagdir in "$work/pages-all"/*/; do
    tag=$(basename "$tagdir")
    name="Tag$i"
    mkdir -p "$libs/$name"
    cat > "$libs/$name/$name.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>netstandard2.0</TargetFramework>
    <LangVersion>latest</LangVersion>
    <RootNamespace>Catalogs</RootNamespace>
    <SpecGenClassName>$name</SpecGenClassName>
    <SpecGenPublic>true</SpecGenPublic>
    <NoWarn>\$(NoWarn);SPG0017</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="SpecGen" Version="$version" />
    <SpackCachePage Include="$tagdir*/specs.md" />
  </ItemGroup>
</Project>
XML
    refs="$refs    <Reference Include=\"$libs/$name/bin/Release/netstandard2.0/$name.dll\" />
"
    combine="$combine${combine:+, }Catalogs.$name.Catalog"
    i=$((i + 1))
  done
  # A solution (.slnx on SDK 10, .sln before), so that MSBuild builds the ten libraries in parallel (-m).
  (cd "$libs" && dotnet new sln -n Libraries > /dev/null)
  sln=$(ls "$libs"/Libraries.sln* | head -n 1)
  for p in "$libs"/*/*.csproj; do dotnet sln "$sln" add "$p" > /dev/null; done
  dotnet restore "$sln" -nologo -v:q > /dev/null
  /usr/bin/time -f "%e %M" -o "$work/time" dotnet build "$sln" -c Release --no-restore -nologo -v:q -m -p:UseSharedCompilation=false > "$work/build.log" 2>&1 \
    || { tail -n 30 "$work/build.log"; echo "library build failed"; exit 1; }
  read -r libtime libmem < "$work/time"
  echo "build ten libraries (-m): $libtime s, peak RSS $libmem KB"

  dir="$work/consumer-libraries"
  mkdir -p "$dir"
  nuget_config "$dir"
  cat > "$dir/Consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <RootNamespace>Consumer</RootNamespace>
    <ImplicitUsings>enable</ImplicitUsings>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="SpecGen" Version="$version" />
$refs  </ItemGroup>
</Project>
XML
  cat > "$dir/Program.cs" <<CS
SpecGen.SpecCatalog all = SpecGen.SpecCatalog.Combine($combine);
bool found = all.TryFindByHash(args[0], out SpecGen.Spec spec);
Console.WriteLine("specs: " + all.Count + ", answer: " + (found ? spec.Package + "@" + spec.Version : "none"));
return found ? 0 : 1;
CS
  dotnet restore "$dir" -nologo -v:q > /dev/null
  timed_build "$dir" "$runs"
  buildtime[libraries]=$build_time; buildmem[libraries]=$build_mem
  echo "build consumer of ten libraries: ${buildtime[libraries]} s (median of $runs), peak RSS ${buildmem[libraries]} KB"
  dotnet "$dir/bin/Release/net10.0/Consumer.dll" "${hash[all]}"
fi

if has S1; then
  first_answer() { for i in $(seq "$runs"); do "$@" | awk '/first-answer-us/ { print $2 }'; done | median; }
  specgen_s1=$(first_answer dotnet "$work/consumer-S1/bin/Release/net10.0/Consumer.dll" "${hash[S1]}")
  yaml_s1=$(first_answer $bench yaml-first-answer "$work/pages-S1" "${hash[S1]}")
  echo "first answer S1: SpecGen $specgen_s1 us, YamlDotNet at start-up $yaml_s1 us (medians of $runs fresh processes)"
fi

row() { # measure, numerator, denominator, unit, goal
  if [ "$2" = failed ] || [ "$3" = failed ]; then echo "| $1 | failed | $5 |"; else echo "| $1 | $(ratio "$2" "$3") ($2 $4 / $3 $4) | $5 |"; fi
}
echo
echo "| measure | value | goal |"
echo "| --- | --- | --- |"
has S1 && echo "| first answer, SpecGen / YamlDotNet at start-up (S1) | $(ratio "$specgen_s1" "$yaml_s1") ($specgen_s1 us / $yaml_s1 us) | <= 0.01 |"
has S1 && row "clean build S1 / one page" "${buildtime[S1]}" "${buildtime[one]}" s "<= 1.5"
has S10 && row "clean build S10 / one page" "${buildtime[S10]}" "${buildtime[one]}" s "<= 3.0"
if has snapshot; then
  row "clean build, one snapshot (${pagecount[snapshot]} pages) / one page" "${buildtime[snapshot]}" "${buildtime[one]}" s "<= 2.0"
  echo "| peak RSS, one snapshot | ${buildmem[snapshot]} KB | <= 614400 KB (600 MB) |"
  row "C# edit + build, one snapshot / the same in a one-page project" "${edittime[snapshot]:-failed}" "${edittime[one]:-failed}" s "<= 1.5"
  row "clean build, the snapshot's pages without the generator / one page" "${buildtime[floor-snapshot]}" "${buildtime[one]}" s "(the floor)"
  row "C# edit + build, the snapshot's pages without the generator / one page" "${edittime[floor]:-failed}" "${edittime[one]:-failed}" s "(the floor)"
  row "C# edit + build, one snapshot with SpecGenPackageConstants=false / one page" "${edittime[noconstants]:-failed}" "${edittime[one]:-failed}" s "<= 1.5"
fi
if has all; then
  echo "| clean build, all snapshots (${pagecount[all]} pages) | ${buildtime[all]} s | <= 40 s |"
  echo "| peak RSS, all snapshots | ${buildmem[all]} KB | <= 2097152 KB (2 GB) |"
  echo "| clean build, all snapshots' pages without the generator (the floor) | ${buildtime[floor-all]} s, peak RSS ${buildmem[floor-all]} KB | |"
  row "clean build, consumer of ten catalog libraries / one page" "${buildtime[libraries]}" "${buildtime[one]}" s "<= 1.2"
fi
for corpus in S1 S10; do
  has $corpus && [ "${dllsize[$corpus]:-}" != "" ] && echo "| catalog bytes in the DLL / page bytes ($corpus) | $(ratio $(( dllsize[$corpus] - dllsize[one] )) $(( pagebytes[$corpus] - pagebytes[one] ))) | <= 0.3 |"
done
printf '| peak build memory |'; for corpus in one "${corpora[@]}"; do printf ' %s %s KB;' "$corpus" "${buildmem[$corpus]}"; done; echo ' |'
