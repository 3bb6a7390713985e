#!/usr/bin/env bash
# Validation against the paper's behaviour (docs/model.md §7): the canonical configuration
# (Für Elise, 13 + 50 neurons, 10 000 training cycles, 100 replay cycles, the four clamps) for
# 5 seeds, plus N_lat = 15 and the reservoir mode, then a table of the results.
# About 1 minute of CPU per simulation; runs two at a time. Usage: jobs/validate.sh [OUTDIR]
source "$(dirname "${BASH_SOURCE[0]}")/lib/help.sh"
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/out/validate}"
mkdir -p "$out"
# build once before running in parallel (`elise --help` alone is answered before any build)
"$root/jobs/elise" run --help > /dev/null

runs=()
for seed in 1 2 3 4 5; do runs+=("elise-50-s$seed|--seed $seed"); done
for seed in 1 2; do runs+=("elise-15-s$seed|--seed $seed --set model.n-lat=15"); done
for seed in 1 2; do runs+=("reservoir-50-s$seed|--seed $seed --set model.mode=reservoir"); done

for run in "${runs[@]}"; do
  name="${run%%|*}"; args="${run#*|}"
  echo "$name $args"
done | xargs -P "${JOBS:-2}" -L 1 bash -c 'name=$0; "'"$root"'/jobs/elise" run --no-progress "$@" --out "'"$out"'/$name" > "'"$out"'/$name.log" 2>&1 || true; echo "done $name"'

python3 - "$out" <<'PY'
import json, sys, os, glob
out = sys.argv[1]
print("| run | free-run Σcorr | MSE | learned at | replay Σcorr mean / min / last | drift ms/cycle | silence-cycle | tonic-cycle | silence-window | tonic-window |")
print("|---|---|---|---|---|---|---|---|---|---|")
for d in sorted(glob.glob(os.path.join(out, "*", "metrics.json"))):
    m = json.load(open(d))
    name = os.path.basename(os.path.dirname(d))
    rep = {r["scenario"]: r for r in m["replay"]}
    none = rep.get("none", {})
    def clamp(n):
        r = rep.get(n)
        if not r or "robustness" not in r: return "–"
        rb = r["robustness"]
        rec = f'rec {rb["recovery_cycles"]}' if rb["recovered"] else "no rec"
        return f'{r["final_sumcorr"]:.2f} ({rec})'
    print(f'| {name} | {m["final_free_run_sumcorr"]:.2f} | {m["final_free_run_mse"]:.4f} | {m["learned_at_cycle"] if m["learned_at_cycle"] is not None else "never"} | '
          f'{none.get("mean_sumcorr", float("nan")):.2f} / {none.get("min_sumcorr", float("nan")):.2f} / {none.get("final_sumcorr", float("nan")):.2f} | '
          f'{none.get("drift_ms_per_cycle", float("nan")):.2f} | ' + " | ".join(clamp(n) for n in ["silence-cycle", "tonic-cycle", "silence-window", "tonic-window"]) + " |")
PY
