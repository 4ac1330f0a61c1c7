#!/usr/bin/env bash
# Times `rowforge-cli export` of a ROWS x 8 table against
# `sqlite3 -csv -header DB "SELECT * FROM t" > file`, alternating; prints medians and the ratio.
# Usage: tests/bench/export_vs_sqlite3.sh [ROWS=1000000] [RUNS=5]   (after packaging/dev build)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
rows=${1:-1000000}
runs=${2:-5}
cli=${ROWFORGE_CLI:-$root/build/src/cli/rowforge-cli}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shellcheck source=common.sh
source "$root/tests/bench/common.sh"
python3 "$root/tests/bench/make_csv.py" "$rows" "$work/source.csv"
"$cli" import --db "$work/bench.db" --table t "$work/source.csv" >/dev/null
echo "table: $rows rows x 8 columns"

shell_export() { sqlite3 -csv -header "$work/bench.db" "SELECT * FROM t" > "$work/sq.csv"; }

rf=() sq=()
for ((i = 0; i < runs; i++)); do
    rf+=("$(seconds "$cli" export --db "$work/bench.db" --table t --output "$work/rf.csv")")
    sq+=("$(seconds shell_export)")
done
rf_med=$(printf '%s\n' "${rf[@]}" | median)
sq_med=$(printf '%s\n' "${sq[@]}" | median)
echo "rowforge-cli export: ${rf[*]}  median $rf_med s"
echo "sqlite3 -csv:        ${sq[*]}  median $sq_med s"
echo "ratio rowforge/sqlite3: $(echo "scale=2; $rf_med / $sq_med" | bc)"
peak=$( { /usr/bin/time -v "$cli" export --db "$work/bench.db" --table t --output "$work/mem.csv"; } 2>&1 | awk -F: '/Maximum resident/ {print $2}')
echo "rowforge-cli peak memory: $((peak / 1024)) MB"
