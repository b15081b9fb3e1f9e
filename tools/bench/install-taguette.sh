#!/usr/bin/env bash
# Installs Taguette 1.5.2 in a virtual environment, for the side-by-side benchmark
# (benches/scale.rs, BENCHMARKS.md). Usage: tools/bench/install-taguette.sh [DIR]
# (default: target/taguette); prints the path of the environment's python.
set -euo pipefail
dir="${1:-$(dirname "$0")/../../target/taguette}"
if [ ! -x "$dir/bin/python" ]; then
  python3 -m venv "$dir"
fi
"$dir/bin/pip" install --quiet "taguette==1.5.2"
echo "$dir/bin/python"
