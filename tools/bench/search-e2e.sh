#!/bin/bash
# `grille search Q` end to end against `rg -i` over the sessions folder, side by side in one run
# (BENCHMARKS.md, "Scale"): median wall time of 7 runs (rg: 5), output drained through a pipe.
#
#   tools/bench/search-e2e.sh STUDY NEW_GRILLE [OLD_GRILLE OLD_STUDY]
#
# OLD_STUDY is a twin of STUDY for the other binary (its sessions hard-linked, its own index:
# an index of another version would be rebuilt by each binary in turn).
set -eu
study=$1 new=$2 old=${3:-} old_study=${4:-}
queries=("hôtel" "hotel" "proxenetisme" '"réseaux sociaux"' "mineures hébergement"
  "professionnelles" "élus" "logement" "prostitution internet" "emprise")
# What rg looks for: the same words as they are written.
words=("hôtel" "hôtel" "proxénétisme" "réseaux sociaux" "mineures" "professionnel" "élu"
  "logement" "prostitution" "emprise")

median() { # command... → median wall time of $RUNS runs, ms with one decimal
  local ts=() s e
  for _ in $(seq "$RUNS"); do
    s=$(date +%s%N); "$@" 2>/dev/null | cat >/dev/null; e=$(date +%s%N)
    ts+=($(((e - s) / 1000)))
  done
  local m
  m=$(printf '%s\n' "${ts[@]}" | sort -n | sed -n "$(((RUNS + 1) / 2))p")
  printf '%d.%d' $((m / 1000)) $(((m % 1000) / 100))
}

"$new" --study "$study" search warmup >/dev/null 2>&1 || true
[ -n "$old" ] && { "$old" --study "$old_study" search warmup >/dev/null 2>&1 || true; }
echo "| query | rg -i | grille before | grille now | rg ÷ now |"
echo "|---|---:|---:|---:|---:|"
for i in "${!queries[@]}"; do
  q=${queries[$i]}
  RUNS=5 rg_ms=$(RUNS=5 median rg -i "${words[$i]}" "$study/sessions")
  before="—"
  [ -n "$old" ] && before="$(RUNS=7 median "$old" --study "$old_study" search "$q") ms"
  now=$(RUNS=7 median "$new" --study "$study" search "$q")
  ratio=$(echo "$rg_ms / $now" | bc -l | xargs printf '%.1f')
  echo "| \`$q\` | $rg_ms ms | $before | $now ms | $ratio× |"
done
