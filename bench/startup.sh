#!/usr/bin/env bash
# Start-up benchmark: wall time of `kubelint check` on one small file, on examples/ and on one file with a configuration
# file, the Native AOT binary against the dotnet tool's build (ReadyToRun and framework-dependent, as in the kubelint.linux-x64 tool package), and the
# dotnet tool on examples/custom-rules without its custom rules, compiling them, and with them from the compile cache.
# Publishes both for linux-x64, times them with hyperfine (installs the Debian package if it is missing) and prints a Markdown
# table of the median and mean wall times.
#   bash bench/startup.sh            # 40 timed runs per command after 5 warm-up runs
#   RUNS=100 bash bench/startup.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
runs=${RUNS:-40}
small=examples/shop/cache.yaml

if ! command -v hyperfine >/dev/null 2>&1; then
  echo "bench: installing hyperfine (Debian package)"
  apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null
fi

echo "bench: publishing the native binary and the dotnet tool's build (linux-x64)"
dotnet publish src/Linter.Cli -c Release -r linux-x64 -p:PublishAot=true -o "$work/aot" -nologo -v q
dotnet publish src/Linter.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/tool" -nologo -v q

for input in "$small" examples/; do
  hyperfine --shell=none --style basic --warmup 5 --runs "$runs" --export-json "$work/$(basename "$input").json" \
    -n "native AOT" "$work/aot/kubelint check $input --fail-on none" \
    -n "dotnet tool (ReadyToRun)" "$work/tool/kubelint check $input --fail-on none"
done

# One file with a configuration file to read and validate (examples/custom-rules without its custom rules).
configured="check examples/custom-rules --no-custom-rules --fail-on none"
hyperfine --shell=none --style basic --warmup 5 --runs "$runs" --export-json "$work/configured.json" \
  -n "native AOT" "$work/aot/kubelint $configured" \
  -n "dotnet tool (ReadyToRun)" "$work/tool/kubelint $configured"

# Custom rules (issue 16): the dotnet tool on examples/custom-rules without them, compiling them (the compile cache
# emptied before each run) and with the compiled rules from the cache.
cache="$work/cache"
custom="$work/tool/kubelint check examples/custom-rules --fail-on none"
hyperfine --shell=none --style basic --warmup 1 --runs 10 --export-json "$work/compile.json" \
  --prepare "rm -rf $cache/kubelint" -n "custom rules, compiled" "env XDG_CACHE_HOME=$cache $custom"
hyperfine --shell=none --style basic --warmup 5 --runs "$runs" --export-json "$work/cached.json" \
  -n "without custom rules (--no-custom-rules)" "$custom --no-custom-rules" \
  -n "custom rules, from the compile cache" "env XDG_CACHE_HOME=$cache $custom"

echo
echo "\`kubelint check\`, $runs runs each after 5 warm-up runs, $(nproc) cores ($(uname -m)):"
echo
python3 - "$work/$(basename "$small").json" "one file (\`$small\`)" \
  "$work/examples.json" "\`examples/\` ($(find examples -name '*.yaml' -not -path '*/.*' | wc -l) files)" \
  "$work/configured.json" "one file and a configuration file (\`examples/custom-rules --no-custom-rules\`)" \
  "$work/compile.json" "\`examples/custom-rules\` (dotnet tool)" "$work/cached.json" "\`examples/custom-rules\` (dotnet tool)" <<'EOF'
import json, sys
ms = lambda seconds: f"{seconds * 1000:.1f}"
print("| input | build | median | mean ± σ |")
print("| --- | --- | ---: | ---: |")
for path, label in zip(sys.argv[1::2], sys.argv[2::2]):
    for r in json.load(open(path))["results"]:
        print(f"| {label} | {r['command']} | {ms(r['median'])} ms | {ms(r['mean'])} ± {ms(r['stddev'])} ms |")
EOF
