#!/usr/bin/env bash
# Scale benchmark of issue 15: kubelint end to end against the parse-only baseline (YamlDotNet's YamlStream.Load of
# every document on one thread) on generated corpora of about 1k, 10k and 100k objects, plus the 10k corpus with
# Ingresses, HTTPRoutes and NetworkPolicies (`entry,policies`) against the one without, and once more with the ingress
# and netpol rules off (what those rules cost, apart from the larger input). Prints a Markdown table and writes it into
# bench/RESULTS.md (the section of this mode: full or quick), with the machine and the commit.
#   bash bench/run.sh              # 1k, 10k, 100k and 10k with entry,policies; median of 3 runs (about 6 minutes on 2 cores)
#   bash bench/run.sh --quick      # 1k and 10k only
#   bash bench/run.sh --extras     # every corpus with entry,policies (the comparison row is then the one without)
#   RUNS=5 bash bench/run.sh       # median of 5
#   BENCH_CACHE=DIR bash bench/run.sh   # where corpora and builds go (default ${TMPDIR:-/tmp}/kubelint-bench; corpora are reused)
#   BUILD_LOCK=/tmp/kubelint-build.lock bash bench/run.sh   # hold this lock while building and during each timed run
#   RESULTS=FILE bash bench/run.sh # write the table elsewhere (default bench/RESULTS.md; RESULTS= writes nothing)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

quick=false
extras=""
for arg in "$@"; do
  case $arg in
    --quick) quick=true ;;
    --extras) extras=entry,policies ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench: unknown option $arg (see --help)" >&2; exit 2 ;;
  esac
done

runs=${RUNS:-3}
cache=${BENCH_CACHE:-${TMPDIR:-/tmp}/kubelint-bench}
results=${RESULTS-bench/RESULTS.md}
lock=${BUILD_LOCK:-}
seed=1
apps=20
mkdir -p "$cache"

# Locked: a build or a timed run holds the shared lock, so that timings are not disturbed by other builds.
locked() {
  if [ -n "$lock" ]; then flock "$lock" "$@"; else "$@"; fi
}

echo "bench: building the bench tool and kubelint (Release) into $cache/bin" >&2
locked dotnet publish bench/Linter.Bench -c Release -o "$cache/bin/bench" -nologo -v q >&2
# kubelint as the dotnet tool ships it: ReadyToRun for this machine's runtime identifier, framework-dependent.
case $(uname -m) in
  x86_64) rid=linux-x64 ;;
  aarch64|arm64) rid=linux-arm64 ;;
  *) echo "bench: no runtime identifier for $(uname -m)" >&2; exit 2 ;;
esac
locked dotnet publish src/Linter.Cli -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -o "$cache/bin/cli" -nologo -v q >&2
bench=("$cache/bin/bench/Linter.Bench")
kubelint="$cache/bin/cli/kubelint"

# A corpus folder per (namespaces, options); generated once and reused. With 20 apps a namespace holds 44 objects,
# plus the shared NodePort and cross-namespace Services: 22 namespaces make 980 objects, 224 make 10,000, 2,240 make 100,016.
corpus() {
  local namespaces=$1 options=$2
  local dir="$cache/corpus-$namespaces-$apps-$seed${options:+-${options//,/-}}"
  if [ ! -f "$dir/.complete" ]; then
    echo "bench: generating $dir" >&2
    rm -rf "$dir"
    "${bench[@]}" corpus "$dir" "$namespaces" "$apps" "$seed" $options >/dev/null
    touch "$dir/.complete"
  fi
  echo "$dir"
}

if [ -x /usr/bin/time ]; then
  timer="GNU time"
else
  timer="bash time (no /usr/bin/time: peak RSS not measured)"
fi

# One timed run of a command: prints "wall user sys maxrss_kb".
measure() {
  local out="$cache/time.out" status=0
  if [ -x /usr/bin/time ]; then
    locked /usr/bin/time -f '%e %U %S %M' -o "$out" "$@" >/dev/null 2>"$cache/stderr.out" || status=$?
    [ "$status" = 0 ] || { cat "$cache/stderr.out" >&2; echo "bench: '$*' exited with $status" >&2; exit 1; }
    tail -n 1 "$out"
  else
    local TIMEFORMAT='%R %U %S'
    { time locked "$@" >/dev/null 2>"$cache/stderr.out"; } 2>"$out" || { cat "$cache/stderr.out" >&2; echo "bench: '$*' failed" >&2; exit 1; }
    echo "$(tail -n 1 "$out") 0"
  fi
}

# The median of each column of the samples given ("wall user sys maxrss_kb" each).
median_of() {
  printf '%s\n' "$@" | python3 -c '
import statistics, sys
rows = [list(map(float, line.split())) for line in sys.stdin if line.strip()]
print(" ".join(f"{statistics.median(col):g}" for col in zip(*rows)))'
}

rows="$cache/rows.tsv"
: >"$rows"
# Runs the baseline and kubelint on the corpora given as label, folder, rows file and kubelint's further options, and
# appends a row for each to its file: label files objects base_wall lint_wall lint_user lint_sys lint_rss_kb base_rss_kb
# yaml_bytes lint_walls (every run's, comma-separated, in round order). A folder given again with options reuses the
# counts and the baseline of its first mention. Every round runs each
# command on each corpus in turn: on a shared machine the load drifts over minutes, and turns give the baseline and
# kubelint, and a corpus and the one it is compared with, the same conditions (all runs of one, then all runs of
# the other, did not).
bench_corpora() {
  local labels=() dirs=() intos=() options=() counts=() bytes=() base_runs=() lint_runs=() base_of=() i j
  while [ $# -gt 0 ]; do
    labels+=("$1") dirs+=("$2") intos+=("$3") options+=("$4")
    shift 4
  done
  for i in "${!dirs[@]}"; do
    for j in "${!dirs[@]}"; do
      if [ "${dirs[$j]}" = "${dirs[$i]}" ]; then base_of[i]=$j; break; fi
    done
  done
  for i in "${!dirs[@]}"; do
    if [ "${base_of[$i]}" != "$i" ]; then
      bytes[i]=${bytes[${base_of[$i]}]} counts[i]=${counts[${base_of[$i]}]}
      continue
    fi
    # Reading every file once warms the page cache (both sides read from memory) and counts the YAML's bytes.
    bytes[i]=$(find "${dirs[$i]}" -name '*.yaml' -exec cat {} + | wc -c)
    counts[i]=$("${bench[@]}" parse "${dirs[$i]}")
    echo "bench: ${labels[$i]}: $(awk '{print $2}' <<<"${counts[$i]}") files, $(awk '{print $4}' <<<"${counts[$i]}") objects" >&2
  done
  for _ in $(seq "$runs"); do
    for i in "${!dirs[@]}"; do
      [ "${base_of[$i]}" != "$i" ] || base_runs[i]+="$(measure "${bench[@]}" parse "${dirs[$i]}")"$'\n'
      # shellcheck disable=SC2086 # the options are words
      lint_runs[i]+="$(measure "$kubelint" check "${dirs[$i]}" ${options[$i]} --format sarif --output "$cache/out.sarif" --fail-on none)"$'\n'
    done
  done
  for i in "${!dirs[@]}"; do
    local base_wall base_rss lint_wall lint_user lint_sys lint_rss
    read -r base_wall _ _ base_rss <<<"$(median_of "${base_runs[${base_of[$i]}]}")"
    read -r lint_wall lint_user lint_sys lint_rss <<<"$(median_of "${lint_runs[$i]}")"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "${labels[$i]}" "$(awk '{print $2}' <<<"${counts[$i]}")" "$(awk '{print $4}' <<<"${counts[$i]}")" \
      "$base_wall" "$lint_wall" "$lint_user" "$lint_sys" "$lint_rss" "$base_rss" "${bytes[$i]}" \
      "$(awk 'NF {print $1}' <<<"${lint_runs[$i]}" | paste -sd,)" >>"${intos[$i]}"
  done
}

other=entry,policies
[ -z "$extras" ] || other=""
# What the rules of the traffic that entry,policies adds cost on their own: the corpus with it, those rules off.
traffic_rules=$("$kubelint" rules --format json | python3 -c '
import json, sys
print(",".join(r["id"] for r in json.load(sys.stdin)["rules"] if r["family"] in ("ingress", "netpol")))')
# The comparison corpus and the run without the traffic rules take turns with the 10k one (same conditions); their
# rows go last.
: >"$rows.other"
bench_corpora "1k${extras:+ ($extras)}" "$(corpus 22 "$extras")" "$rows" ""
bench_corpora "10k${extras:+ ($extras)}" "$(corpus 224 "$extras")" "$rows" "" "10k${other:+ ($other)}" "$(corpus 224 "$other")" "$rows.other" "" \
  "10k (entry,policies), ingress and netpol rules off" "$(corpus 224 entry,policies)" "$rows.other" "--disable $traffic_rules"
$quick || bench_corpora "100k${extras:+ ($extras)}" "$(corpus 2240 "$extras")" "$rows" ""
cat "$rows.other" >>"$rows"

commit=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src rules bench/Linter.Bench bench/run.sh 2>/dev/null || echo "+changes")
cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo 2>/dev/null || true)
mode=$($quick && echo quick || echo full)
python3 - "$rows" "$mode" "$runs" "$(nproc)" "${cpu:-unknown CPU}" "$(dotnet --version)" "$commit" "$timer" "$results" <<'EOF'
import datetime, re, statistics, sys
rows_path, mode, runs, cores, cpu, sdk, commit, timer, results = sys.argv[1:]
rows = []
for line in open(rows_path):
    label, files, objects, base, lint, user, system, rss, base_rss, yaml, walls = line.rstrip("\n").split("\t")
    rows.append(dict(label=label, files=int(files), objects=int(objects), yaml=int(yaml), walls=[float(w) for w in walls.split(",")],
                     base=float(base), lint=float(lint),
                     cpu=float(user) + float(system), rss=float(rss) / 1024, base_rss=float(base_rss) / 1024))
main = rows[:-2]  # the last two rows: the 10k corpus with the other choice of entry,policies, and with it but the traffic rules off

def rss(mb):
    return f"{mb:,.0f}" if mb > 0 else "n/a"

out = [f"## {mode.capitalize()} run",
       "",
       f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, commit {commit}, {cores} cores ({cpu}), .NET SDK {sdk};"
       f" median of {runs} runs (in turns: the baseline and kubelint, the 10k corpus and its comparison), wall clock of each process including start-up, measured with {timer}."
       f" kubelint: `kubelint check DIR --format sarif --output F` (Release build, ReadyToRun as the dotnet tool ships); baseline: `Linter.Bench parse DIR`"
       f" (YamlDotNet `YamlStream.Load` of every `*.yaml` file, one thread).",
       "",
       "| corpus | files | objects | baseline s | kubelint s | ratio | objects/s | peak RSS MiB (baseline) | CPU / wall |",
       "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
for r in rows:
    out.append(f"| {r['label']} | {r['files']:,} | {r['objects']:,} | {r['base']:.2f} | {r['lint']:.2f} | {r['lint'] / r['base']:.2f}"
               f" | {r['objects'] / r['lint']:,.0f} | {rss(r['rss'])} ({rss(r['base_rss'])}) | {r['cpu'] / r['lint']:.2f} |")
out.append("")
lines = []
for a, b in zip(main, main[1:]):
    lines.append(f"kubelint time({b['label']}) / time({a['label']}) = {b['lint'] / a['lint']:.2f} for {b['objects'] / a['objects']:.1f}x the objects"
                 f" (baseline {b['base'] / a['base']:.2f})")
ten, other, rules_off = rows[1], rows[-2], rows[-1]
with_extras, without = (other, ten) if "(" in other["label"] else (ten, other)

def in_turns(a, b):
    """a's time over b's: of the medians, and within each round (a and b ran one after the other: what the machine's drift disturbs least)."""
    rounds = sorted(x / y for x, y in zip(a["walls"], b["walls"]))
    return f"{a['lint'] / b['lint']:.2f}x the time (within each round: median {statistics.median(rounds):.2f}x, {rounds[0]:.2f}-{rounds[-1]:.2f}x)"

lines.append(f"{with_extras['label']} against {without['label']}: {in_turns(with_extras, without)}"
             f" for {with_extras['objects'] / without['objects']:.2f}x the objects and {with_extras['yaml'] / without['yaml']:.2f}x the YAML"
             f" (the baseline's parse alone: {with_extras['base'] / without['base']:.2f}x); per object"
             f" {(with_extras['lint'] / with_extras['objects']) / (without['lint'] / without['objects']):.2f}x the time")
lines.append(f"the ingress and netpol rules on {with_extras['label']}: {in_turns(with_extras, rules_off)} of a run with them off;"
             f" with them off, against {without['label']}: {in_turns(rules_off, without)}")
out += [f"- {l}" for l in lines]
text = "\n".join(out) + "\n"
print(text)
if results:
    header = ("# Benchmark results\n\nWritten by `bash bench/run.sh` (full) and `bash bench/run.sh --quick`; see the README's Benchmarks section."
              " The committed figures come from a 2-core VM shared with other work (timed runs hold the build lock).\n\n")
    try:
        old = open(results).read()
    except FileNotFoundError:
        old = header
    section = re.compile(rf"^## {mode.capitalize()} run\n.*?(?=^## |\Z)", re.S | re.M)
    new = section.sub(lambda _: text + "\n", old) if section.search(old) else old.rstrip("\n") + "\n\n" + text
    open(results, "w").write(new)
    print(f"bench: wrote {results}", file=sys.stderr)
EOF
