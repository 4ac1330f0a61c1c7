# Shared by the benchmark scripts: timing and medians. Source it; do not run it.
# seconds CMD...  prints the wall-clock seconds CMD took
seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null; end=$(date +%s.%N); echo "$end - $start" | bc; }
# median          prints the median of the numbers on standard input, one per line
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
