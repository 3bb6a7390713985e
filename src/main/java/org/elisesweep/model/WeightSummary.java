package org.elisesweep.model;

import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * An analysis of the dendritic weight matrix W (W_ij from j onto i), computed with EJML:
 * the Frobenius norm of each block (postsynaptic population ← presynaptic population) and the
 * spectral radius of W.
 *
 * @param visFromVis     ‖W‖_F of visible ← visible synapses
 * @param visFromLat     ‖W‖_F of visible ← latent synapses
 * @param latFromVis     ‖W‖_F of latent ← visible synapses
 * @param latFromLat     ‖W‖_F of latent ← latent synapses
 * @param spectralRadius max |λ| over the eigenvalues of W (NaN if the decomposition fails)
 */
public record WeightSummary(double visFromVis, double visFromLat, double latFromVis, double latFromLat,
                            double spectralRadius) {

    /** Analyses W of {@code state}; nVis visible neurons come first. */
    public static WeightSummary of(NetworkState state, int nVis) {
        DMatrixRMaj w = state.weights();
        int n = w.numRows;
        double vv = NormOps_DDRM.normF(CommonOps_DDRM.extract(w, 0, nVis, 0, nVis));
        double vl = n > nVis ? NormOps_DDRM.normF(CommonOps_DDRM.extract(w, 0, nVis, nVis, n)) : 0.0;
        double lv = n > nVis ? NormOps_DDRM.normF(CommonOps_DDRM.extract(w, nVis, n, 0, nVis)) : 0.0;
        double ll = n > nVis ? NormOps_DDRM.normF(CommonOps_DDRM.extract(w, nVis, n, nVis, n)) : 0.0;
        return new WeightSummary(vv, vl, lv, ll, spectralRadius(w));
    }

    static double spectralRadius(DMatrixRMaj w) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(w.numRows, false);
        if (!eig.decompose(w.copy())) {
            return Double.NaN;
        }
        double radius = 0;
        for (int k = 0; k < eig.getNumberOfEigenvalues(); k++) {
            Complex_F64 ev = eig.getEigenvalue(k);
            radius = Math.max(radius, ev.getMagnitude());
        }
        return radius;
    }
}
