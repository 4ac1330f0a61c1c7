#!/usr/bin/env bash
# Issue #6's fidelity goals measured on public data sets: the data sets that ship with
# statsmodels (Debian package python3-statsmodels; only its CSV files are used, nothing is
# installed). Each is imported, grown offline by as many rows as it has (seed 1), and compared
# with `rowforge-cli report`; exact copies are counted in SQL.
#   tests/bench/fidelity_public.sh [BUILD=build]
set -euo pipefail
build=${1:-build}
cli="$build/src/cli/rowforge-cli"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download python3-statsmodels >/dev/null && dpkg -x ./*.deb pkg)
data="$work/pkg/usr/lib/python3/dist-packages/statsmodels/datasets"

printf '%-10s %6s %5s  %6s %6s %6s %6s %6s %6s %7s\n' data rows cols shapes bounds categ nulls newrows dups copies
for set in fair/fair grunfeld/grunfeld macrodata/macrodata star98/star98 anes96/anes96 modechoice/modechoice; do
    name=${set%%/*}
    db="$work/$name.sqlite"
    csv="$data/$set.csv"
    "$cli" import --db "$db" --table "$name" "$csv" >/dev/null
    rows=$(sqlite3 "$db" "SELECT count(*) FROM \"$name\"")
    cols=$(sqlite3 "$db" "SELECT count(*) FROM pragma_table_info('$name')")
    "$cli" generate --db "$db" --table "$name" --provider offline --seed 1 --rows "$rows" >/dev/null
    report=$("$cli" report --db "$db" --table "$name" --since-rowid "$rows" --json)
    columns=$(sqlite3 "$db" "SELECT group_concat('n.\"' || name || '\" IS o.\"' || name || '\"', ' AND ') FROM pragma_table_info('$name')")
    copies=$(sqlite3 "$db" "SELECT count(*) FROM \"$name\" n WHERE n.rowid > $rows AND EXISTS (SELECT 1 FROM \"$name\" o WHERE o.rowid <= $rows AND $columns)")
    python3 - "$name" "$rows" "$cols" "$copies" "$report" <<'PY'
import json, sys
name, rows, cols, copies, report = sys.argv[1:]
r = json.loads(report)
f = lambda k: "   n/a" if r[k] is None else f"{r[k]:6.3f}"
print(f"{name:<10} {rows:>6} {cols:>5}  {f('column_shapes')} {f('boundary_adherence')} {f('category_adherence')} "
      f"{f('missing_value_similarity')} {f('new_row_synthesis')} {f('duplicate_rate')} {copies:>7}")
PY
done
