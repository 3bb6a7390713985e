package org.elisesweep.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.elisesweep.model.RandomStreams;

/**
 * The points of a sensitivity section in the unit cube [0, 1]^D, each with its role. A pure
 * function of the {@link SensitivitySpec}: the driver builds the sweep's points from it and an
 * analysis of the stored results rebuilds it to know what each role was.
 *
 * <ul>
 * <li>sobol (Saltelli design): the first N points of ONE scrambled Sobol sequence of dimension 2D
 * ({@link Sampler#SOBOL}); A is its first D columns, B its last D, and A_B^i is A with column i
 * taken from B: N·(D+2) points.</li>
 * <li>morris: r trajectories on a grid of p levels {0, 1/(p−1), ..., 1}, step Δ = p / (2(p−1)).
 * Each starts at a random grid point of [0, 1−Δ]^D and moves one parameter up by Δ per step, in a
 * random order: r·(D+1) points.</li>
 * </ul>
 */
public final class SensitivityDesign {
    /** One point of the design: its role and its coordinates in the unit cube. */
    public record Point(SensitivityRole role, double[] unit) {
        public Point {
            unit = unit.clone();
        }

        @Override
        public double[] unit() {
            return unit.clone();
        }
    }

    private final SensitivitySpec spec;
    private final List<Point> points = new ArrayList<>();
    /** morris: per trajectory, the parameter moved at step s (index s − 1). */
    private final List<int[]> moved = new ArrayList<>();

    private SensitivityDesign(SensitivitySpec spec) {
        this.spec = spec;
        if (spec.method() == SensitivitySpec.Method.SOBOL) {
            saltelli();
        } else {
            morris();
        }
    }

    public static SensitivityDesign of(SensitivitySpec spec) {
        return new SensitivityDesign(spec);
    }

    public SensitivitySpec spec() {
        return spec;
    }

    /** Every point, A, B and AB rows or trajectory steps; nothing may depend on this order. */
    public List<Point> points() {
        return Collections.unmodifiableList(points);
    }

    /** The parameter values of a point, in factor order (integer parameters rounded). */
    public double[] values(Point p) {
        double[] u = p.unit();
        double[] x = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            x[i] = spec.factors().get(i).at(u[i]);
        }
        return x;
    }

    /** Morris: the step Δ on the unit scale, p / (2(p−1)). */
    public double delta() {
        return spec.levels() / (2.0 * (spec.levels() - 1));
    }

    /** Morris: the parameter moved from step s − 1 to step s (1 ≤ s ≤ D) of trajectory t. */
    public int movedAt(int trajectory, int step) {
        return moved.get(trajectory)[step - 1];
    }

    private void saltelli() {
        int d = spec.dimensions();
        double[][] u = Sampler.SOBOL.unitCube(spec.n(), 2 * d, spec.seed());
        for (int j = 0; j < spec.n(); j++) {
            double[] a = Arrays.copyOfRange(u[j], 0, d);
            double[] b = Arrays.copyOfRange(u[j], d, 2 * d);
            points.add(new Point(SensitivityRole.a(j), a));
            points.add(new Point(SensitivityRole.b(j), b));
            for (int i = 0; i < d; i++) {
                double[] ab = a.clone();
                ab[i] = b[i];
                points.add(new Point(SensitivityRole.ab(i, j), ab));
            }
        }
    }

    private void morris() {
        int d = spec.dimensions();
        int p = spec.levels();
        double delta = delta();
        UniformRandomProvider rng = new RandomStreams(spec.seed()).stream("sensitivity-morris");
        for (int t = 0; t < spec.n(); t++) {
            double[] x = new double[d];
            for (int i = 0; i < d; i++) {
                x[i] = rng.nextInt(p / 2) / (double) (p - 1);   // a level of [0, 1 − Δ]
            }
            int[] order = PermutationSampler.natural(d);
            PermutationSampler.shuffle(rng, order);
            moved.add(order);
            points.add(new Point(SensitivityRole.step(t, 0), x));
            for (int s = 1; s <= d; s++) {
                x = x.clone();
                x[order[s - 1]] = Math.min(1.0, x[order[s - 1]] + delta);
                points.add(new Point(SensitivityRole.step(t, s), x));
            }
        }
    }
}
