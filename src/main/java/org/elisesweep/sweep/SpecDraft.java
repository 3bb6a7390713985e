package org.elisesweep.sweep;

import com.typesafe.config.ConfigValue;
import org.elisesweep.model.ModelParams;
import org.elisesweep.model.NoisePhase;
import org.elisesweep.model.PatternGenerator;
import org.elisesweep.model.WeightNoiseKind;

/**
 * The values of a simulation being read, one field (or builder setting) per parameter of the
 * {@link ParameterCatalog}, before {@link SimulationConfig} turns them into the validated records
 * of a {@code SimulationSpec}. Mutable: each catalog entry's target sets its field.
 */
final class SpecDraft {
    final ModelParams.Builder model = ModelParams.defaults().toBuilder();
    long seed;
    String patternSource;
    String patternInline;
    double stepMs;
    PatternGenerator patternGenerator;
    long patternSeed;
    int patternNeurons;
    int patternSteps;
    int activeMin;
    int activeMax;
    int markovOrder;
    int syllables;
    int syllableSteps;
    String motif;
    int motifLength;
    int trainingCycles;
    int validationPeriod;
    int replayCycles;
    int realignCycles;
    /** {@code replay.scenarios} as given; read into clamps once the pattern and model are known. */
    ConfigValue scenarios;
    double membraneSigma;
    double membraneTau;
    double dendriteSigma;
    double dendriteTau;
    NoisePhase membranePhase;
    double teacherSigma;
    double teacherTau;
    double jitterMs;
    NoisePhase teacherPhase;
    double weightSigma;
    WeightNoiseKind weightKind;
    double deleteFraction;
}
