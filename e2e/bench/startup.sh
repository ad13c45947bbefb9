#!/usr/bin/env bash
# Start-up benchmark: `compose-operator render` (through bin/compose-operator and with plain
# `java -jar`) side by side with `kompose convert` on the same generated Compose files, whole
# process, timed with hyperfine. Not a test and not part of .ci/run (it takes minutes and its
# figures depend on the machine); README.md, "Benchmarks", has its results.
#
#   e2e/bench/startup.sh                 # 10 and 1,000 services, 20 runs each
#   SIZES="10" RUNS=50 e2e/bench/startup.sh
#
# What it needs, and fetches when missing (only from the usual registries):
#   - operator/target/compose-operator.jar: built with Maven (Maven Central) when absent.
#   - kompose, pinned in e2e/bench/kompose/go.mod and go.sum: built with the local Go from the Go
#     module proxy into ~/.cache/compose-operator/kompose/<version>/ (reused when present).
#   - hyperfine and jq: installed with apt-get (Debian) when absent and this runs as root.
# The Compose files are written by ComposeGenerator (operator's test sources, run as a single
# source file, so no test build is needed); kompose converts them as they are.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bench="$root/e2e/bench"
jar="$root/operator/target/compose-operator.jar"
launcher="$root/bin/compose-operator"
sizes="${SIZES:-10 1000}"
runs="${RUNS:-20}"
warmup="${WARMUP:-3}"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/compose-operator"

say() { printf '== %s\n' "$*" >&2; }

need_tool() { # need_tool COMMAND DEBIAN-PACKAGE
  command -v "$1" > /dev/null && return
  if [[ "$(id -u)" == 0 ]] && command -v apt-get > /dev/null; then
    say "installing $2 with apt-get"
    apt-get install -y -q "$2" > /dev/null ||
      { apt-get update -q > /dev/null && apt-get install -y -q "$2" > /dev/null; }
  fi
  command -v "$1" > /dev/null ||
    { echo "startup.sh: $1 is missing: install it (Debian package $2)" >&2; exit 2; }
}
need_tool hyperfine hyperfine
need_tool jq jq

# The jar.
if [[ ! -f "$jar" ]]; then
  say "building $jar"
  (cd "$root" && mvn -B -ntp -q -pl operator -am package -DskipTests)
fi

# kompose, the version go.mod pins.
kompose_version="$(awk '$1 == "require" && $2 == "github.com/kubernetes/kompose" { print $3 }' \
  "$bench/kompose/go.mod")"
kompose="$cache/kompose/$kompose_version/kompose"
if [[ ! -x "$kompose" ]]; then
  command -v go > /dev/null ||
    { echo "startup.sh: building kompose needs Go (go.dev/dl)" >&2; exit 2; }
  say "building kompose $kompose_version into $(dirname "$kompose")"
  mkdir -p "$(dirname "$kompose")"
  # -mod=readonly: go.sum must already hold every module; nothing is resolved anew.
  (cd "$bench/kompose" && GOFLAGS=-mod=readonly go build -trimpath -o "$kompose.$$.partial" \
    github.com/kubernetes/kompose)
  mv -f "$kompose.$$.partial" "$kompose"
fi

work="${BENCH_DIR:-$(mktemp -d)}"
mkdir -p "$work"
say "files and results in $work"

facts() {
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "cores: $(nproc); load: $(uptime | sed 's/.*load average: //')"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "kompose: $("$kompose" version 2>&1 | head -1)"
  echo "hyperfine: $(hyperfine --version)"
}
facts | tee "$work/facts.txt"

for n in $sizes; do
  file="$work/services-$n/compose.yaml"
  java "$root/operator/src/test/java/io/composeoperator/bench/ComposeGenerator.java" "$n" "$file"
  # Both tools must accept the file, or the timings compare an error with a conversion. The first
  # render through the launcher also writes its class-data sharing archive.
  "$kompose" convert -f "$file" --stdout > "$work/kompose-$n.yaml" 2> "$work/kompose-$n.err" ||
    { echo "startup.sh: kompose refused $file:" >&2; cat "$work/kompose-$n.err" >&2; exit 1; }
  "$launcher" render -f "$file" > "$work/render-$n.yaml" 2> "$work/render-$n.err" ||
    { echo "startup.sh: render refused $file:" >&2; cat "$work/render-$n.err" >&2; exit 1; }
  "$launcher" render -f "$file" > /dev/null 2>&1
  say "$n services: kompose writes $(grep -c '^kind:' "$work/kompose-$n.yaml") objects," \
    "render $(grep -c '^kind:' "$work/render-$n.yaml")"

  hyperfine -N --warmup "$warmup" --runs "$runs" --style basic \
    --export-json "$work/services-$n.json" \
    -n "kompose convert ($n services)" "'$kompose' convert -f '$file' --stdout" \
    -n "bin/compose-operator render ($n services)" "'$launcher' render -f '$file'" \
    -n "java -jar compose-operator.jar render ($n services)" "java -jar '$jar' render -f '$file'"
done

echo "load after: $(uptime | sed 's/.*load average: //')" | tee -a "$work/facts.txt"
echo
echo "| command | wall (mean ± σ) | user CPU | system CPU |"
echo "|---|---|---|---|"
for n in $sizes; do
  jq -r '.results[] | [.mean, .stddev, .user, .system] as [$m, $s, $u, $y]
    | "| \(.command) | \($m * 1000 | round) ms ± \($s * 1000 | round) ms"
      + " | \($u * 1000 | round) ms | \($y * 1000 | round) ms |"' "$work/services-$n.json"
done
