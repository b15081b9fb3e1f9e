#!/bin/bash
# The TUI on a study, in tmux: time from start to the first frame drawn and to the frame that
# lists the sessions (BENCHMARKS.md). Median of 5.
#
#   tools/bench/tui-first-frame.sh STUDY GRILLE
set -eu
study=$1 bin=$2
sock=grille-bench-$$
n=$(find "$study/sessions" -name '*.json' | wc -l)
first=() listed=()
now_ms() { echo $(($(date +%s%N) / 1000000)); }
for _ in $(seq ${RUNS:-5}); do
  s=$(now_ms)
  tmux -L "$sock" new-session -d -x 120 -y 40 "LANG=fr_FR.UTF-8 $bin --study $study"
  f=""
  while true; do
    screen=$(tmux -L "$sock" capture-pane -p 2>/dev/null || true)
    t=$(now_ms)
    if [ -z "$f" ] && [ -n "$(echo "$screen" | tr -d '[:space:]')" ]; then f=$((t - s)); fi
    if echo "$screen" | grep -q "$n entretien"; then break; fi
    sleep 0.002
  done
  first+=("$f") listed+=($((t - s)))
  tmux -L "$sock" kill-server
  sleep 0.3
done
med() { printf '%s\n' "$@" | sort -n | sed -n "$(( (${#@} + 1) / 2 ))p"; }
echo "$n sessions: first frame $(med "${first[@]}") ms, sessions listed $(med "${listed[@]}") ms"
