#!/bin/bash
# Instructions (valgrind --tool=callgrind) and modules imported (python -X importtime) of bench_speed.py's CLI
# line, `foedus cascade -a UKR -t RUS -d 2025-01-15 --place kursk-oblast --json`, under each tree given; the
# cache and the bytecode are warmed by two runs first (PYTHONDONTWRITEBYTECODE unset), so the figure is a warm
# start's. Needs valgrind and FOEDUS_DATA_DIR; PYTHON (default: python) runs it; callgrind's files go to OUT
# (default: a new temporary folder), named by the tree's place in the arguments (cg.1, cg.2, ...), since two trees
# may share a folder name (/a/foedus, /b/foedus).
# Usage: FOEDUS_DATA_DIR=... bench/profile/cli_instructions.sh TREE...
set -eu
unset PYTHONDONTWRITEBYTECODE
py=${PYTHON:-python}
out=${OUT:-$(mktemp -d -t foedus-ir.XXXXXX)}
line=(-m foedus.cli cascade -a UKR -t RUS -d 2025-01-15 --place kursk-oblast --json)
name=0
for t in "$@"; do
  name=$((name + 1))
  export PYTHONPATH=$t/src FOEDUS_CACHE_DIR=$out/cache-$name
  "$py" "${line[@]}" >/dev/null
  "$py" "${line[@]}" >/dev/null
  valgrind --tool=callgrind --callgrind-out-file="$out/cg.$name" "$py" "${line[@]}" >/dev/null 2>"$out/vg.$name"
  ir=$(grep -o "Collected : [0-9]*" "$out/vg.$name")
  mods=$("$py" -X importtime "${line[@]}" 2>&1 >/dev/null | grep -c "import time:")
  echo "$name $t $ir modules $((mods - 1))"
done
