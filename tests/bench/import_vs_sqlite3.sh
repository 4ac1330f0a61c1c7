#!/usr/bin/env bash
# Times `rowforge-cli import` against the sqlite3 shell's `.import --csv` on the same file,
# into fresh databases, alternating, and prints the medians and their ratio.
# Usage: tests/bench/import_vs_sqlite3.sh [ROWS=1000000] [RUNS=5]   (after packaging/dev build)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
rows=${1:-1000000}
runs=${2:-5}
cli=${ROWFORGE_CLI:-$root/build/src/cli/rowforge-cli}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shellcheck source=common.sh
source "$root/tests/bench/common.sh"
csv="$work/bench.csv"
python3 "$root/tests/bench/make_csv.py" "$rows" "$csv"
echo "file: $rows rows, $(du -h "$csv" | cut -f1)"


rf=() sq=()
for ((i = 0; i < runs; i++)); do
    rm -f "$work"/rf.db* "$work"/sq.db*
    rf+=("$(seconds "$cli" import --db "$work/rf.db" --table t "$csv")")
    sq+=("$(seconds sqlite3 "$work/sq.db" ".import --csv $csv t")")
done
rf_med=$(printf '%s\n' "${rf[@]}" | median)
sq_med=$(printf '%s\n' "${sq[@]}" | median)
echo "rowforge-cli import: ${rf[*]}  median $rf_med s"
echo "sqlite3 .import:     ${sq[*]}  median $sq_med s"
echo "ratio rowforge/sqlite3: $(echo "scale=2; $rf_med / $sq_med" | bc)"
peak=$( { /usr/bin/time -v "$cli" import --db "$work/mem.db" --table t "$csv" >/dev/null; } 2>&1 | awk -F: '/Maximum resident/ {print $2}')
echo "rowforge-cli peak memory: $((peak / 1024)) MB"
