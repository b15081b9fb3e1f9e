#!/bin/sh
# Encrypted studies and pseudonymisation at 1,000 sessions (issue 19), side by side in one run:
# opening a study and searching it (a plain study with its index on disk, missing or present;
# an encrypted one, whose index is built in memory at every opening), reading every session,
# and the pseudonymisation proposals. Wall time (ms) and peak memory (MB) of the release binary,
# each measured RUNS times; the studies are made with `grille dev gen-corpus` and removed after.
#
#   cargo build --release && nice -n 19 sh benches/privacy.sh [DIR]
set -eu
G=$(realpath "${GRILLE:-target/release/grille}")
D=${1:-/work/bench/privacy}
N=${SESSIONS:-1000}
RUNS=${RUNS:-3}
rm -rf "$D"
mkdir -p "$D/home"
export HOME="$D/home" XDG_DATA_HOME="$D/home/data" XDG_CONFIG_HOME="$D/home/config" LANG=fr_FR.UTF-8
export GRILLE_PASSPHRASE="un cheval de Troie bleu"
unset GRILLE_IDENTITY GRILLE_SCRYPT_WORK_FACTOR GRILLE_STUDY || true
"$G" dev gen-corpus --out "$D/plain" --sessions "$N" >/dev/null 2>&1
cp -a "$D/plain" "$D/encrypted"
# The encrypted copy: the passphrase's scrypt at age's default work factor, as a user gets it.
"$G" --study "$D/encrypted" encrypt >/dev/null 2>&1
echo "grille $("$G" --version | cut -d' ' -f2), $N sessions, $(du -sh "$D/plain" | cut -f1) plain, $RUNS runs each"

# run NAME COMMAND...: prints NAME, then each run's milliseconds and peak MB.
run() {
    name=$1
    shift
    printf '%-52s' "$name"
    i=0
    while [ "$i" -lt "$RUNS" ]; do
        [ -n "${BEFORE:-}" ] && sh -c "$BEFORE"
        start=$(date +%s%N)
        /usr/bin/time -f '%M' -o "$D/mem" "$@" >/dev/null 2>"$D/err" || { cat "$D/err"; exit 1; }
        end=$(date +%s%N)
        printf ' %6d ms %5d MB' $(((end - start) / 1000000)) $(($(cat "$D/mem") / 1024))
        i=$((i + 1))
    done
    echo
}

BEFORE="rm -rf '$D/plain/index'"
run "plain: search, index built on disk" "$G" --study "$D/plain" search police
BEFORE=
run "plain: search, index on disk" "$G" --study "$D/plain" search police
run "encrypted: search, index built in memory" "$G" --study "$D/encrypted" search police
run "plain: every session read (sessions --json)" "$G" --study "$D/plain" sessions --json
run "encrypted: every session read (sessions --json)" "$G" --study "$D/encrypted" sessions --json
run "plain: pseudonymisation proposals (list --json)" "$G" --study "$D/plain" pseudonymize list --json
run "encrypted: pseudonymisation proposals" "$G" --study "$D/encrypted" pseudonymize list --json
"$G" --study "$D/plain" pseudonymize list --json >"$D/proposals.json" 2>/dev/null
echo "proposals: $(grep -c '"kind"' "$D/proposals.json")"
rm -rf "$D"
