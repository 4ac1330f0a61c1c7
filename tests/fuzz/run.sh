#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) in build-fuzz and runs each for
# SECONDS (default 60) on a copy of its committed seed corpus. A crash, a leak-free OOM over
# 2 GB or an input taking over 10 s fails the run; the input is kept in build-fuzz/artifacts/
# (add it to tests/fuzz/corpus/ with the fix, as a regression seed).
#   tests/fuzz/run.sh [SECONDS] [TARGET...]     targets: csv_reader json_source rows_parser recipe
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(csv_reader json_source rows_parser recipe)
build=${FUZZ_BUILD_DIR:-$root/build-fuzz}
command -v clang++ >/dev/null || { echo "clang++ is needed (apt-get install clang)" >&2; exit 1; }
if [ ! -f "$build/build.ninja" ]; then
    CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DROWFORGE_FUZZ=ON -DBUILD_TESTING=OFF >/dev/null
fi
cmake --build "$build" --parallel "$(nproc)" --target "${targets[@]/#/fuzz_}"
mkdir -p "$build/artifacts"
status=0
for target in "${targets[@]}"; do
    work="$build/corpus/$target"
    mkdir -p "$work"
    cp -n "$root/tests/fuzz/corpus/$target/"* "$work/" 2>/dev/null || true
    echo "== fuzz_$target for ${seconds}s"
    ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
        "$build/tests/fuzz/fuzz_$target" "$work" -max_total_time="$seconds" -timeout=10 \
        -rss_limit_mb=2048 -max_len=65536 -artifact_prefix="$build/artifacts/$target-" \
        -print_final_stats=1 2>"$build/fuzz_$target.log" || { status=1; tail -40 "$build/fuzz_$target.log"; }
    grep -E "^stat::number_of_executed_units|^#[0-9]+ *DONE" "$build/fuzz_$target.log" | tail -2
done
exit $status
