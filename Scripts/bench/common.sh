# Sourced by each part of `make bench` (Scripts/bench.sh and Scripts/bench/*.sh) after it
# sets $part: the helpers every part's figures go through, so that a median or a verdict
# means the same in each part's output.

# EPOCHREALTIME must print a '.', and awk must read one.
export LC_ALL=C

die() { echo "$part bench: $*" >&2; exit 1; }
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
max() { sort -g | tail -n 1; }
# calc FORMAT EXPRESSION: the expression worked out by awk, printed with FORMAT.
calc() { awk "BEGIN { printf \"$1\", $2 }"; }
# verdict VALUE OP LIMIT: "ok" or "MISSED" for VALUE against a target (>= or <=) LIMIT.
verdict() { awk -v v="$1" -v o="$2" -v l="$3" \
  'BEGIN { ok = (o == ">=") ? v >= l : v <= l; print ok ? "ok" : "MISSED" }'; }
