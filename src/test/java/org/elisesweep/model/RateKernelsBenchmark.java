package org.elisesweep.model;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The rates of one step (φ(u), φ(v*) and the learning coefficients of every neuron, as the step
 * loop calls {@link RateKernels}: visible neurons, then latents) with the scalar and the vector
 * kernels: {@code n} = 63 is one 13 + 50 network, 504 a lock-step group of 8 such networks.
 * Potentials are spread over [−80, −40] mV. Score: ns per call of both populations. In this
 * package because the kernels are package-private; run with
 * {@code jobs/bench.sh RateKernelsBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RateKernelsBenchmark {
    @Param({"63", "504"})
    public int n;

    private final StepConstants c = StepConstants.of(ModelParams.defaults());
    private final RateKernels scalar = new RateKernels.Scalar();
    private final RateKernels vector = new VectorRateKernels();
    private double[] u;
    private double[] vStar;
    private double[] rate;
    private double[] coefFromVisible;
    private double[] coefFromLatent;
    private int visible;

    @Setup
    public void fill() {
        SplittableRandom rnd = new SplittableRandom(3);
        u = new double[n];
        vStar = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = rnd.nextDouble(-80, -40);
            vStar[i] = rnd.nextDouble(-80, -40);
        }
        rate = new double[n];
        coefFromVisible = new double[n];
        coefFromLatent = new double[n];
        visible = 13 * (n / 63);
    }

    @Benchmark
    public double scalarRates() {
        return rates(scalar);
    }

    @Benchmark
    public double vectorRates() {
        return rates(vector);
    }

    private double rates(RateKernels k) {
        k.rates(c, true, c.etaVis(), u, vStar, rate, coefFromVisible, coefFromLatent, 0, visible);
        k.rates(c, true, c.etaLat(), u, vStar, rate, coefFromVisible, coefFromLatent, visible, n);
        return rate[n - 1] + coefFromLatent[n - 1];
    }
}
