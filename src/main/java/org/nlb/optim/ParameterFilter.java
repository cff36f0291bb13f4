package org.nlb.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Chooses parameters for special treatment by an optimiser — for LARS, the ones left out of the
 * layer-wise adaptation and of weight decay. It sees what DJL's {@code Optimizer.update} sees:
 * the parameter id and its array.
 */
@FunctionalInterface
public interface ParameterFilter {
    boolean test(String parameterId, NDArray weight);

    /** Selects nothing. */
    static ParameterFilter none() {
        return (id, weight) -> false;
    }

    /**
     * One-dimensional parameters: biases and normalisation scales and shifts. This is the test of
     * solo-learn's LARS with {@code exclude_bias_n_norm} ({@code p.ndim == 1}).
     */
    static ParameterFilter oneDimensional() {
        return (id, weight) -> weight.getShape().dimension() == 1;
    }

    /** The parameters with these ids. */
    static ParameterFilter ids(Collection<String> parameterIds) {
        Set<String> ids = Set.copyOf(parameterIds);
        return (id, weight) -> ids.contains(id);
    }

    /** The biases and BatchNorm/LayerNorm γ and β of {@code block}, by their DJL parameter types. */
    static ParameterFilter biasesAndNorms(Block block) {
        Set<String> ids = new HashSet<>();
        for (Pair<String, Parameter> entry : block.getParameters()) {
            Parameter.Type type = entry.getValue().getType();
            if (type == Parameter.Type.BIAS || type == Parameter.Type.GAMMA || type == Parameter.Type.BETA) {
                ids.add(entry.getValue().getId());
            }
        }
        return ids(ids);
    }
}
