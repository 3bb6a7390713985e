#!/usr/bin/env bash
# Frontier validation (docs/frontiers.md, "Validation against a dense grid"): runs the dense grid
# conf/validation/frontier-dense.conf (16 deletion fractions × 2 latent sizes × 4 replicates, 128
# simulations of the fast protocol) and the frontier sweep conf/validation/frontier-search.conf over
# the same simulations, then `elise check-frontier`: per latent size the grid's crossing (where the
# fraction of replicates passing the criterion crosses 0.5, interpolated) against the frontier's x*,
# and the simulations each spent; draws both into one figure (FIGURE=PNG, default
# src/site/figures/validation/frontier-vs-grid.png). Exit 0 when every size agrees within the
# precision (0.05) and the frontier spent at most a quarter of the grid's simulations, else 1.
# About 5 CPU-minutes on local[2]; a rerun computes only what is missing.
# Usage: jobs/validate-frontier.sh [OUTDIR]   (default out/validation-frontier; MASTER=local[2])
source "$(dirname "${BASH_SOURCE[0]}")/lib/help.sh"
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/out/validation-frontier}"
master="${MASTER:-local[2]}"
figure="${FIGURE-$root/src/site/figures/validation/frontier-vs-grid.png}"
mkdir -p "$out" "$(dirname "$figure")"
for sweep in frontier-dense frontier-search; do
  "$root/jobs/sweep.sh" "$root/conf/validation/$sweep.conf" --out "$out/${sweep#frontier-}" --master "$master" \
    --no-progress --no-report
done
exec "$root/jobs/elise" check-frontier "$out/dense" "$out/search" --precision 0.05 --figure "$figure"
