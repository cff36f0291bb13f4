package org.nlb.experiment;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.nlb.eval.FeatureSpace;
import org.nlb.poison.select.SelectionStrategy;

/**
 * What the attacker does (DESIGN §1 steps 3–5, §2, §3).
 *
 * @param trigger the trigger pasted on the poison set and on every test image
 * @param rate poison rate relative to one class: {@code M = floor(rate · N / assumedClasses)}
 * @param assumedClasses C, the number of classes the attacker assumes
 * @param selectors the selectors to compare, each with its own victim, in report order
 * @param featureSpace where selection looks at the images ({@link FeatureSpace})
 * @param kmeansClusters K of the kmeans selector, {@code null} for C
 */
public record AttackSettings(TriggerSettings trigger, double rate, int assumedClasses, List<String> selectors,
                             String featureSpace, Integer kmeansClusters) {
    public AttackSettings {
        ConfigKeys.notNull("attack.trigger", trigger);
        ConfigKeys.positive("attack.rate", rate);
        ConfigKeys.atLeast("attack.assumed_classes", assumedClasses, 1);
        ConfigKeys.require(selectors != null && !selectors.isEmpty(), "attack.selectors",
                "must list at least one selector (" + SelectionStrategy.validNames() + ")");
        selectors = List.copyOf(selectors);
        Set<String> seen = new HashSet<>();
        for (String s : selectors) {
            ConfigKeys.parse("attack.selectors", () -> SelectionStrategy.parse(s));
            ConfigKeys.require(seen.add(s), "attack.selectors", "lists '" + s + "' twice");
        }
        ConfigKeys.parse("attack.feature_space", () -> FeatureSpace.parse(ConfigKeys.notNull("attack.feature_space",
                featureSpace)));
        if (kmeansClusters != null) {
            ConfigKeys.atLeast("attack.kmeans_clusters", kmeansClusters, 1);
        }
    }

    /** The paper's setting: the centre checkerboard, rate 0.6 of one class out of 10, every selector (DESIGN §2). */
    static AttackSettings defaults() {
        return new AttackSettings(TriggerSettings.of("checkerboard-center"), 0.6, 10,
                List.of("contrastive", "kmeans", "random", "label-aware"), "backbone", null);
    }

    AttackSettings resolved() {
        return new AttackSettings(trigger.resolved(), rate, assumedClasses, selectors, space().cliName(),
                kmeansClusters == null ? assumedClasses : kmeansClusters);
    }

    List<SelectionStrategy> strategies() {
        return selectors.stream().map(SelectionStrategy::parse).toList();
    }

    FeatureSpace space() {
        return FeatureSpace.parse(featureSpace);
    }
}
