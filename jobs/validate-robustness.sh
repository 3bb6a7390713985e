#!/usr/bin/env bash
# Robustness validation on the fast protocol (docs/validation.md, "Robustness validation (fast protocol)"):
# runs the sweeps conf/validation/size.conf (latent size × mode, the four clamps), clamps.conf (its
# N_lat = 50 ELiSe point alone, for the figures) and membrane-noise.conf (dendritic noise × latent
# size), prints markdown tables of the aggregates, writes each sweep's report (jobs/report.sh) and
# copies the figures docs/validation.md shows into src/site/figures/validation/ (FIGURES=DIR elsewhere,
# FIGURES= to skip). About 20 CPU-minutes on local[2]; a rerun computes only what is missing.
# Usage: jobs/validate-robustness.sh [OUTDIR]   (default out/validation; MASTER=local[2])
source "$(dirname "${BASH_SOURCE[0]}")/lib/help.sh"
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/out/validation}"
master="${MASTER:-local[2]}"
figures="${FIGURES-$root/src/site/figures/validation}"
mkdir -p "$out"

# 1. the sweeps (each prints its own summary; the reports come in step 3)
for sweep in size clamps membrane-noise; do
  "$root/jobs/sweep.sh" "$root/conf/validation/$sweep.conf" --out "$out/$sweep" --master "$master" \
    --no-progress --no-report
done

query() { "$root/jobs/elise" query "$1" "$2"; echo; }

# 2. the tables
# per group of runs: learned, free-run and replay Σcorr (replay: mean, min and max over the seeds)
replay_summary="count_if(status = 'OK') AS ok_runs, count(learned_at_cycle) AS learned,
  round(avg(final_sumcorr), 2) AS free_run, round(avg(replay_mean_sumcorr), 2) AS replay_mean,
  round(min(replay_mean_sumcorr), 2) AS replay_min, round(max(replay_mean_sumcorr), 2) AS replay_max,
  round(avg(replay_final_sumcorr), 2) AS replay_last"
echo "## (a) Replay Σcorr by latent size and mode"
echo "(replay_* = mean Σcorr of a run's free replay cycles: mean, min and max over the seeds; replay_last = last cycle's)"
query "$out/size" "
SELECT model_mode AS mode, model_n_lat AS n_lat, $replay_summary
FROM runs GROUP BY model_mode, model_n_lat
ORDER BY array_position(array('elise', 'soma-only', 'reservoir'), model_mode), model_n_lat"

scenario_order="array_position(array('silence-cycle', 'tonic-cycle', 'silence-window', 'tonic-window'), b.scenario)"
last_cycle="WITH last AS (SELECT sweep, point_id, replicate, scenario, max_by(sumcorr, cycle) AS last_sumcorr
  FROM replay GROUP BY sweep, point_id, replicate, scenario)"
echo "## (b) Clamp recovery at N_lat = 50 (ELiSe)"
query "$out/clamps" "$last_cycle
SELECT b.scenario, count(*) AS runs, count_if(b.recovered) AS recovered,
       round(avg(CAST(b.recovered AS INT)), 2) AS fraction,
       concat_ws(', ', transform(sort_array(collect_list(b.recovery_cycles)), c -> CAST(c AS STRING))) AS recovery_cycles,
       round(avg(b.sumcorr_before), 2) AS before, round(avg(b.sumcorr_during), 2) AS during,
       round(avg(b.sumcorr_after), 2) AS after, round(avg(l.last_sumcorr), 2) AS last_cycle
FROM robustness b JOIN runs r USING (sweep, point_id, replicate) JOIN last l USING (sweep, point_id, replicate, scenario)
WHERE r.status = 'OK' GROUP BY b.scenario ORDER BY $scenario_order"

echo "## (b) Per seed: Σcorr of the last replay cycle (rec k = recovered k cycles after the clamped cycle)"
query "$out/clamps" "$last_cycle
SELECT * FROM (
  SELECT r.replicate, l.scenario,
         concat(format_number(l.last_sumcorr, 2), ' (',
                CASE WHEN l.scenario = 'none' THEN 'undisturbed' WHEN b.recovered THEN concat('rec ', b.recovery_cycles)
                     ELSE 'no rec' END, ')') AS cell
  FROM last l JOIN runs r USING (sweep, point_id, replicate)
       LEFT JOIN robustness b USING (sweep, point_id, replicate, scenario)
  WHERE r.status = 'OK')
PIVOT (first(cell) FOR scenario IN ('none', 'silence-cycle', 'tonic-cycle', 'silence-window', 'tonic-window'))
ORDER BY replicate"

echo "## (b) The clamps sweep reproduces the size sweep's N_lat = 50 ELiSe runs"
query "$out/clamps" "
SELECT count(*) AS runs, count_if(c.final_sumcorr = s.final_sumcorr AND c.replay_mean_sumcorr = s.replay_mean_sumcorr
                                  AND c.spectral_radius = s.spectral_radius) AS identical
FROM runs c JOIN parquet.\`$out/size/runs\` s USING (point_id, replicate)"

echo "## (b) Clamps recovered (of 5 seeds) by latent size (ELiSe)"
query "$out/size" "
SELECT * FROM (
  SELECT r.model_n_lat AS n_lat, b.scenario, b.recovered
  FROM robustness b JOIN runs r USING (sweep, point_id, replicate) WHERE r.model_mode = 'elise' AND r.status = 'OK')
PIVOT (count_if(recovered) FOR scenario IN ('silence-cycle', 'tonic-cycle', 'silence-window', 'tonic-window'))
ORDER BY n_lat"

echo "## (c) Replay Σcorr by dendritic noise (mV) and latent size"
query "$out/membrane-noise" "
SELECT noise_membrane_dendrite_sigma AS dendrite_sigma, model_n_lat AS n_lat, $replay_summary
FROM runs GROUP BY noise_membrane_dendrite_sigma, model_n_lat ORDER BY n_lat, dendrite_sigma"

# 3. the reports, and the figures docs/validation.md shows
for sweep in size clamps membrane-noise; do
  "$root/jobs/report.sh" "$out/$sweep" --no-progress
done
if [[ -n "$figures" ]]; then
  mkdir -p "$figures"
  cp "$out/size/report/figures/replay-vs-model_n_lat.png" "$figures/size-replay-vs-n-lat.png"
  cp "$out/clamps/report/figures/replay-cycles.png" "$figures/clamps-replay-cycles.png"
  cp "$out/clamps/report/figures/robustness-sumcorr.png" "$figures/clamps-sumcorr.png"
  cp "$out/membrane-noise/report/figures/replay-vs-noise_membrane_dendrite_sigma.png" "$figures/noise-replay.png"
  echo "figures: $figures"
fi
