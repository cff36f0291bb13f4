package org.nlb;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.List;

/**
 * The import graph of nlb's top-level packages ({@code org.nlb.X}, sub-packages included), read
 * from the compiled main classes: it has no cycle, and the packages follow the data flow of README
 * "Code layout" — a package never depends on one later in {@link #LAYERS}.
 */
@AnalyzeClasses(
        packages = "org.nlb",
        importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class PackageDependenciesTest {
    /**
     * Lowest first. {@code io}, {@code compute}, {@code optim}, {@code render} and {@code features}
     * are helpers, placed below the first pipeline stage that uses them; the pipeline is
     * {@code data → augment → model → ssl → train → poison → eval → experiment → report}, and
     * {@code cli} sits on top. A new top-level package is held to the cycle rule at once and to
     * this order once it is listed here.
     */
    static final List<String> LAYERS = List.of(
            "artefact", "io", "compute", "optim", "data", "render", "features",
            "augment", "model", "ssl", "train", "poison", "eval", "experiment", "report",
            "cli");

    @ArchTest
    static final ArchRule topLevelPackagesHaveNoCycle = slices().matching("org.nlb.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noPackageDependsOnALaterOne = layersInDataFlowOrder()
            .as("no package of org.nlb depends on one later in " + LAYERS)
            // Known exceptions: a run ends by drawing its report.html, a sweep its sweep.html.
            .ignoreDependency("org.nlb.experiment.ExperimentRunner", "org.nlb.report.RunReport")
            .ignoreDependency("org.nlb.experiment.Sweep", "org.nlb.report.SweepReport");

    private static LayeredArchitecture layersInDataFlowOrder() {
        LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String name : LAYERS) {
            layers = layers.layer(name).definedBy("org.nlb." + name + "..");
        }
        for (int i = 0; i < LAYERS.size() - 1; i++) {
            List<String> later = LAYERS.subList(i + 1, LAYERS.size());
            layers = layers.whereLayer(LAYERS.get(i)).mayOnlyBeAccessedByLayers(later.toArray(String[]::new));
        }
        return layers.whereLayer(LAYERS.get(LAYERS.size() - 1)).mayNotBeAccessedByAnyLayer();
    }
}
