#!/usr/bin/env bash
# Doubling series for the hostile inputs of issue 10: for each case, the wall time and peak memory of `kubelint check`
# (Release build) at n, 2n and 4n, with the ratio to the step before. Linear time shows as ratios near 2; quadratic
# as ratios near 4. Inputs come from bench/hostile_inputs.py and are deleted after each run.
#   bash bench/hostile.sh                   # every case
#   bash bench/hostile.sh kl005 suppression # some cases
#   TIMEOUT=60 bash bench/hostile.sh        # seconds per run before it counts as a timeout (default 120)
#   BUILD_LOCK=/tmp/kubelint-build.lock bash bench/hostile.sh   # build under a shared lock
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
timeout_s=${TIMEOUT:-120}

# case and its n (the series is n, 2n, 4n)
declare -A base=(
  [scalar]=2500000 [token]=250000 [http]=5000 [urls]=2500 [configmap]=10000
  [template]=10000 [merge]=500 [kl005]=10000 [suppression]=10000 [annotations]=20000 [blocks]=20000 [block]=20000
  [services]=1000 [configmaps]=50000
)
order=(scalar token http urls block configmap template merge kl005 suppression annotations blocks services configmaps)
cases=("${@:-${order[@]}}")

echo "bench: building the CLI (Release)" >&2
${BUILD_LOCK:+flock "$BUILD_LOCK"} dotnet publish src/Linter.Cli -c Release -o "$work/cli" -nologo -v q >&2

printf '| case | n | seconds | ratio | peak RSS (MB) |\n|---|---:|---:|---:|---:|\n'
for case in "${cases[@]}"; do
  n=${base[$case]:?unknown case $case}
  previous=
  for step in 1 2 4; do
    size=$((n * step))
    python3 bench/hostile_inputs.py "$case" "$size" "$work/input.yaml"
    start=$(date +%s.%N)
    if timeout "$timeout_s" /usr/bin/time -f '%M' -o "$work/rss" "$work/cli/kubelint" check "$work/input.yaml" --fail-on none >/dev/null 2>&1; then
      seconds=$(echo "$(date +%s.%N) - $start" | bc)
      rss=$(( $(tail -1 "$work/rss") / 1024 ))
    else
      seconds=timeout rss=-
    fi
    ratio=-
    if [[ -n $previous && $previous != timeout && $seconds != timeout ]]; then
      ratio=$(echo "scale=2; $seconds / $previous" | bc)
    fi
    printf '| %s | %d | %s | %s | %s |\n' "$case" "$size" "$(printf '%.2f' "$seconds" 2>/dev/null || echo "$seconds")" "$ratio" "$rss"
    previous=$seconds
    rm -f "$work/input.yaml"
  done
done
