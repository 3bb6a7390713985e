package org.elisesweep.model;

/**
 * Every constant of the network (docs/model.md §1–2, §4), with the paper's defaults.
 * Units: mV, ms, conductances in 1/ms; delays in Euler steps. Immutable; the constructor
 * rejects out-of-range values with an {@link InvalidParametersException} naming each one
 * by its path ({@code model.…}).
 *
 * @param nLat                 latent population size N_lat
 * @param mode                 which synapses learn
 * @param connectivity         all-to-all or sparse dendritic synapses
 * @param density              ρ, probability that a sparse synapse exists, in (0, 1]
 * @param protectScaffold      with sparse: j → i always exists when the scaffold has j → i
 * @param dt                   Euler step (ms)
 * @param eL                   leak reversal E_l (mV)
 * @param eE                   excitatory reversal E_E (mV)
 * @param eI                   inhibitory reversal E_I (mV)
 * @param gL                   leak conductance g_l (1/ms)
 * @param gDen                 dendrite → soma coupling g_den (1/ms)
 * @param gE0                  scaffold excitation per unit rate g_E0 (1/ms)
 * @param gI0                  scaffold inhibition per unit rate g_I0 (1/ms)
 * @param slope                transfer-function slope a (1/mV)
 * @param threshold            transfer-function threshold b (mV)
 * @param lambda               teacher nudging strength λ in [0, 1)
 * @param etaVis               learning rate per step of visible → visible synapses
 * @param etaLat               learning rate per step of every other synapse
 * @param weightSd             SD of the Gaussian initial dendritic weights
 * @param denDelayMin          smallest dendritic axonal delay D_den (steps)
 * @param denDelayMax          largest dendritic axonal delay D_den (steps)
 * @param scaffoldDelayMin     smallest scaffold excitatory delay D_E (steps)
 * @param scaffoldDelayMax     largest scaffold excitatory delay D_E (steps)
 * @param inhibitionExtraDelay D_I − D_E, the implicit interneuron's extra delay (steps)
 * @param scaffoldP            p of scaffold growth (§4), in [0, 1)
 * @param scaffoldQ            q of scaffold growth (§4), in [0, 1]
 * @param scaffoldP0           p0 of scaffold growth (§4), in [0, 1]
 * @param scaffoldRule         how scaffold growth picks sources and targets (§4)
 */
public record ModelParams(
        int nLat, Mode mode, Connectivity connectivity, double density, boolean protectScaffold,
        double dt, double eL, double eE, double eI, double gL, double gDen, double gE0, double gI0,
        double slope, double threshold, double lambda, double etaVis, double etaLat, double weightSd,
        int denDelayMin, int denDelayMax, int scaffoldDelayMin, int scaffoldDelayMax, int inhibitionExtraDelay,
        double scaffoldP, double scaffoldQ, double scaffoldP0, ScaffoldRule scaffoldRule) {

    public ModelParams {
        Checks c = new Checks("model.");
        c.atLeast("n-lat", nLat, 1)
                .require(mode != null, "mode", "must be one of elise, reservoir, soma-only")
                .require(connectivity != null, "connectivity", "must be one of all-to-all, sparse")
                .inRange("density", density, Double.MIN_VALUE, 1.0, false)
                .require(!(density < 1.0) || connectivity == Connectivity.SPARSE, "density",
                        "is only used with connectivity = sparse (got density " + density + " with all-to-all)")
                .require(!protectScaffold || connectivity == Connectivity.SPARSE, "protect-scaffold",
                        "needs connectivity = sparse")
                .positive("dt", dt).finite("e-l", eL).finite("e-e", eE).finite("e-i", eI)
                .require(eI < eE, "e-i", "must be below e-e (got e-i " + eI + ", e-e " + eE + ")")
                .positive("g-l", gL).nonNegative("g-den", gDen).nonNegative("g-e0", gE0).nonNegative("g-i0", gI0)
                .positive("slope", slope).finite("threshold", threshold)
                .inRange("lambda", lambda, 0.0, 1.0, true)
                .nonNegative("eta-vis", etaVis).nonNegative("eta-lat", etaLat).nonNegative("weight-sd", weightSd)
                .atLeast("den-delay-min", denDelayMin, 2)
                .atLeast("den-delay-max", denDelayMax, denDelayMin)
                .atLeast("scaffold-delay-min", scaffoldDelayMin, 1)
                .atLeast("scaffold-delay-max", scaffoldDelayMax, scaffoldDelayMin)
                .atLeast("inhibition-extra-delay", inhibitionExtraDelay, 0)
                .inRange("scaffold.p", scaffoldP, 0.0, 1.0, true)
                .inRange("scaffold.q", scaffoldQ, 0.0, 1.0, false)
                .inRange("scaffold.p0", scaffoldP0, 0.0, 1.0, false)
                .require(scaffoldRule != null, "scaffold-rule", "must be one of uniform, original");
        c.throwIfAny();
    }

    /** The published simulator's values (docs/model.md §2) with N_lat = 50. */
    public static ModelParams defaults() {
        return new ModelParams(50, Mode.ELISE, Connectivity.ALL_TO_ALL, 1.0, false,
                0.1, -70.0, 0.0, -75.0, 0.1, 2.0, 0.3, 6.0,
                0.3, -58.0, 0.6, 1e-4, 1e-3, 0.5,
                50, 150, 50, 150, 250,
                0.2, 0.15, 0.04, ScaffoldRule.UNIFORM);
    }

    /** φ(u) with this model's slope and threshold. */
    public double phi(double u) {
        return Transfer.phi(u, slope, threshold);
    }

    /** The resting rate φ(E_l), also the floor of scaffold transmission. */
    public double restRate() {
        return phi(eL);
    }

    /** A builder starting from this record's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.nLat = nLat;
        b.mode = mode;
        b.connectivity = connectivity;
        b.density = density;
        b.protectScaffold = protectScaffold;
        b.dt = dt;
        b.eL = eL;
        b.eE = eE;
        b.eI = eI;
        b.gL = gL;
        b.gDen = gDen;
        b.gE0 = gE0;
        b.gI0 = gI0;
        b.slope = slope;
        b.threshold = threshold;
        b.lambda = lambda;
        b.etaVis = etaVis;
        b.etaLat = etaLat;
        b.weightSd = weightSd;
        b.denDelayMin = denDelayMin;
        b.denDelayMax = denDelayMax;
        b.scaffoldDelayMin = scaffoldDelayMin;
        b.scaffoldDelayMax = scaffoldDelayMax;
        b.inhibitionExtraDelay = inhibitionExtraDelay;
        b.scaffoldP = scaffoldP;
        b.scaffoldQ = scaffoldQ;
        b.scaffoldP0 = scaffoldP0;
        b.scaffoldRule = scaffoldRule;
        return b;
    }

    /** Mutable staging area for a {@link ModelParams}; {@link #build()} validates. */
    public static final class Builder {
        private int nLat;
        private Mode mode;
        private Connectivity connectivity;
        private double density;
        private boolean protectScaffold;
        private double dt;
        private double eL;
        private double eE;
        private double eI;
        private double gL;
        private double gDen;
        private double gE0;
        private double gI0;
        private double slope;
        private double threshold;
        private double lambda;
        private double etaVis;
        private double etaLat;
        private double weightSd;
        private int denDelayMin;
        private int denDelayMax;
        private int scaffoldDelayMin;
        private int scaffoldDelayMax;
        private int inhibitionExtraDelay;
        private double scaffoldP;
        private double scaffoldQ;
        private double scaffoldP0;
        private ScaffoldRule scaffoldRule;

        public Builder nLat(int value) {
            this.nLat = value;
            return this;
        }

        public Builder mode(Mode value) {
            this.mode = value;
            return this;
        }

        public Builder connectivity(Connectivity value) {
            this.connectivity = value;
            return this;
        }

        public Builder density(double value) {
            this.density = value;
            return this;
        }

        public Builder protectScaffold(boolean value) {
            this.protectScaffold = value;
            return this;
        }

        public Builder dt(double value) {
            this.dt = value;
            return this;
        }

        public Builder eL(double value) {
            this.eL = value;
            return this;
        }

        public Builder eE(double value) {
            this.eE = value;
            return this;
        }

        public Builder eI(double value) {
            this.eI = value;
            return this;
        }

        public Builder gL(double value) {
            this.gL = value;
            return this;
        }

        public Builder gDen(double value) {
            this.gDen = value;
            return this;
        }

        public Builder gE0(double value) {
            this.gE0 = value;
            return this;
        }

        public Builder gI0(double value) {
            this.gI0 = value;
            return this;
        }

        public Builder slope(double value) {
            this.slope = value;
            return this;
        }

        public Builder threshold(double value) {
            this.threshold = value;
            return this;
        }

        public Builder lambda(double value) {
            this.lambda = value;
            return this;
        }

        public Builder etaVis(double value) {
            this.etaVis = value;
            return this;
        }

        public Builder etaLat(double value) {
            this.etaLat = value;
            return this;
        }

        public Builder weightSd(double value) {
            this.weightSd = value;
            return this;
        }

        public Builder denDelayMin(int value) {
            this.denDelayMin = value;
            return this;
        }

        public Builder denDelayMax(int value) {
            this.denDelayMax = value;
            return this;
        }

        public Builder scaffoldDelayMin(int value) {
            this.scaffoldDelayMin = value;
            return this;
        }

        public Builder scaffoldDelayMax(int value) {
            this.scaffoldDelayMax = value;
            return this;
        }

        public Builder inhibitionExtraDelay(int value) {
            this.inhibitionExtraDelay = value;
            return this;
        }

        public Builder scaffoldP(double value) {
            this.scaffoldP = value;
            return this;
        }

        public Builder scaffoldQ(double value) {
            this.scaffoldQ = value;
            return this;
        }

        public Builder scaffoldP0(double value) {
            this.scaffoldP0 = value;
            return this;
        }

        public Builder scaffoldRule(ScaffoldRule value) {
            this.scaffoldRule = value;
            return this;
        }

        public ModelParams build() {
            return new ModelParams(nLat, mode, connectivity, density, protectScaffold, dt, eL, eE, eI, gL, gDen, gE0, gI0, slope, threshold, lambda, etaVis, etaLat, weightSd, denDelayMin, denDelayMax, scaffoldDelayMin, scaffoldDelayMax, inhibitionExtraDelay, scaffoldP, scaffoldQ, scaffoldP0, scaffoldRule);
        }
    }
}
