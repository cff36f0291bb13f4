package org.nlb.compute;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KernelSettingsTest {
    private static KernelSettings of(Map<String, String> env, boolean avx512) {
        return KernelSettings.of(env::get, avx512);
    }

    @Test
    void allThreeAtAvx2IsPortableNoneIsNativeAnythingElseIsCustom() {
        Map<String, String> portable = Map.of("DNNL_MAX_CPU_ISA", "AVX2", "ATEN_CPU_CAPABILITY", "avx2", "MKL_CBWR", "AVX2");
        assertThat(of(portable, true).mode()).isEqualTo(KernelSettings.Mode.PORTABLE);
        assertThat(of(Map.of(), true).mode()).isEqualTo(KernelSettings.Mode.NATIVE);
        assertThat(of(Map.of("DNNL_MAX_CPU_ISA", "AVX2"), true).mode()).isEqualTo(KernelSettings.Mode.CUSTOM);
        assertThat(of(Map.of("DNNL_MAX_CPU_ISA", "AVX2", "ATEN_CPU_CAPABILITY", "avx512", "MKL_CBWR", "AVX2"), true)
                .mode()).isEqualTo(KernelSettings.Mode.CUSTOM);
    }

    @Test
    void describeNamesTheModeEveryVariableAndTheCpu() {
        Map<String, Object> d = of(Map.of("MKL_CBWR", "AVX2"), true).describe();
        assertThat(d).containsEntry("mode", "custom").containsEntry("MKL_CBWR", "AVX2")
                .containsEntry("DNNL_MAX_CPU_ISA", null).containsEntry("cpu_avx512", true);
    }
}
