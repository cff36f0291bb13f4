package org.nlb.optim;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterFilterTest {
    @Test
    void selectsBiasesAndNormParametersOfABlockByTypeOrByRank() {
        try (NDManager manager = NDManager.newBaseManager()) {
            SequentialBlock block = new SequentialBlock()
                    .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(4).build())
                    .add(BatchNorm.builder().build());
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 2, 5, 5));
            ParameterFilter byType = ParameterFilter.biasesAndNorms(block);
            ParameterFilter byRank = ParameterFilter.oneDimensional();
            List<String> byTypeNames = new ArrayList<>();
            List<String> byRankNames = new ArrayList<>();
            for (Pair<String, Parameter> p : block.getParameters()) {
                Parameter parameter = p.getValue();
                if (byType.test(parameter.getId(), parameter.getArray())) {
                    byTypeNames.add(parameter.getName());
                }
                if (parameter.requiresGradient() && byRank.test(parameter.getId(), parameter.getArray())) {
                    byRankNames.add(parameter.getName());
                }
            }
            assertThat(byTypeNames).containsExactly("bias", "gamma", "beta");
            assertThat(byRankNames).as("solo-learn's ndim == 1 test picks the same trainable parameters")
                    .containsExactlyElementsOf(byTypeNames);
            assertThat(ParameterFilter.none().test("x", manager.ones(new Shape(3)))).isFalse();
            assertThat(ParameterFilter.ids(List.of("x")).test("x", manager.ones(new Shape(3, 3)))).isTrue();
        }
    }
}
