#!/bin/bash
# measure-commands.sh STUDY RUNS BIN...: for each command that reads every session and each grille
# binary given (side by side in one run): median wall ms, median CPU ms (user+sys), peak RSS MB,
# after one run not counted (for `sessions`, made with no summary kept: the "first" figure).
# Needs /usr/bin/time. BENCHMARKS.md, "Scale", second pass.
S=$1; R=$2; shift 2
one() { /usr/bin/time -f "%e %U %S %M" -o /tmp/m2.t "$@" > /dev/null 2>/dev/null; awk '{printf "%d %d %d\n", $1*1000, ($2+$3)*1000, $4/1024}' /tmp/m2.t; }
med() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "cat: $( for i in $(seq $R); do s=$(date +%s%N); cat $S/sessions/*.json > /dev/null; e=$(date +%s%N); echo $(( (e-s)/1000000 )); done | med) ms"
for c in "sessions" "sessions --json" "check" "export frequencies" "export answers --table answers" "export situations --table situations"; do
  line="$c"
  for b in "$@"; do
    rm -f $S/index/summaries.json
    first=$(one $b --study $S $c)
    rest=$(for i in $(seq $R); do one $b --study $S $c; done)
    w=$(echo "$rest" | cut -d' ' -f1 | med); u=$(echo "$rest" | cut -d' ' -f2 | med); m=$(echo "$rest" | cut -d' ' -f3 | sort -n | tail -1)
    line="$line | $w ms wall, $u ms CPU, $m MB (first: ${first% * *} ms wall)"
  done; echo "$line"
done
