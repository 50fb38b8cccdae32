# Shared by measure.sh and first-answer.sh (sourced, not run). Both need $root and $work set before sourcing.
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0

# specgen_pack TAG: builds the benchmarks (Release) and packs SpecGen into $work/feed as version 0.0.0-TAG.<UTC time>;
# sets $version and $bench (the benchmarks' command line, whose write-pages writes the synthetic corpora).
specgen_pack() {
  dotnet build "$root/tests/Benchmarks" -c Release -nologo -v:q > "$work/build.log" 2>&1 || { tail -n 30 "$work/build.log"; exit 1; }
  version="0.0.0-$1.$(date -u +%Y%m%d%H%M%S)"
  dotnet pack "$root/src/Runtime" -c Release -o "$work/feed" -p:Version="$version" -nologo -v:q > "$work/build.log" 2>&1 || { tail -n 30 "$work/build.log"; exit 1; }
  bench="dotnet $root/tests/Benchmarks/bin/Release/net10.0/SpecGen.Benchmarks.dll"
}

# nuget_config DIR: a nuget.config in DIR that takes SpecGen from $work/feed and the rest from nuget.org.
nuget_config() {
  cat > "$1/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="specgen" value="$work/feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
XML
}
