package org.nlb.experiment;

import java.util.Arrays;
import java.util.List;
import org.nlb.model.BackboneConfig;
import org.nlb.model.BackboneKind;
import org.nlb.ssl.SslMethodKind;
import org.nlb.train.OptimizerParams;
import org.nlb.train.PretrainConfig;

/**
 * How every encoder of a run is pretrained (DESIGN §1 steps 2 and 6, §5): the attacker's, the
 * clean one and each victim use the same method and recipe; only the epochs may differ between
 * the attacker and the victims. {@code null} fields mean "the recipe's value" and are filled in
 * by {@link #resolved()}.
 *
 * @param method simclr, mocov2, byol or barlow
 * @param recipe the {@link PretrainConfig} to start from: {@code cpu} or {@code reference}
 * @param backbone small or resnet18
 * @param widths stage widths, or {@code null} for the backbone's
 * @param stemStride 1 or 2, or {@code null} for the backbone's
 * @param batchSize images per step
 * @param attackerEpochs epochs of the attacker's encoder
 * @param victimEpochs epochs of each victim and of the clean encoder; when equal to
 *     {@code attackerEpochs} the clean encoder is the attacker's (one stage, one directory)
 * @param lr base learning rate (scaled by B/256), or {@code null} for the recipe's
 * @param warmupEpochs warm-up epochs, or {@code null} for the recipe's
 * @param augment the augmentation's departures from the recipe ({@code null}: none)
 */
public record PretrainSettings(String method, String recipe, String backbone, int[] widths, Integer stemStride,
                               int batchSize, int attackerEpochs, int victimEpochs, Double lr, Double warmupEpochs,
                               AugmentSettings augment) {
    static final List<String> RECIPES = List.of("cpu", "reference");

    public PretrainSettings {
        ConfigKeys.parse("pretrain.method", () -> SslMethodKind.parse(ConfigKeys.notNull("pretrain.method", method)));
        ConfigKeys.require(RECIPES.contains(recipe), "pretrain.recipe",
                "unknown recipe '" + recipe + "'; valid: " + String.join(", ", RECIPES));
        ConfigKeys.parse("pretrain.backbone", () -> BackboneKind.parse(ConfigKeys.notNull("pretrain.backbone", backbone)));
        if (widths != null) {
            ConfigKeys.require(widths.length > 0 && Arrays.stream(widths).allMatch(w -> w >= 1), "pretrain.widths",
                    "must be a non-empty list of positive widths, got " + Arrays.toString(widths));
            ConfigKeys.require(Arrays.stream(widths).allMatch(w -> w % BackboneConfig.TRAINABLE_WIDTH_MULTIPLE == 0),
                    "pretrain.widths", "must be multiples of " + BackboneConfig.TRAINABLE_WIDTH_MULTIPLE
                            + " (PyTorch's CPU convolutions can give NaN gradients otherwise; README, \"Kernel choice\"), got "
                            + Arrays.toString(widths));
            widths = widths.clone();
        }
        ConfigKeys.require(stemStride == null || stemStride == 1 || stemStride == 2, "pretrain.stem_stride",
                "must be 1 or 2, got " + stemStride);
        ConfigKeys.atLeast("pretrain.batch_size", batchSize, 2);
        ConfigKeys.atLeast("pretrain.attacker_epochs", attackerEpochs, 1);
        ConfigKeys.atLeast("pretrain.victim_epochs", victimEpochs, 1);
        if (lr != null) {
            ConfigKeys.positive("pretrain.lr", lr);
        }
        if (warmupEpochs != null) {
            ConfigKeys.nonNegative("pretrain.warmup_epochs", warmupEpochs);
        }
        if (augment == null) {
            augment = AugmentSettings.NONE;
        }
    }

    /** The CPU recipe of SimCLR (PretrainConfig.cpu), the same epochs for the attacker and the victims. */
    static PretrainSettings defaults() {
        PretrainConfig cpu = PretrainConfig.cpu(SslMethodKind.SIMCLR, 1);
        return new PretrainSettings("simclr", "cpu", "small", null, null, cpu.batchSize(), cpu.epochs(), cpu.epochs(),
                null, null, AugmentSettings.NONE);
    }

    /** Every {@code null} replaced by the recipe's or the backbone's value. */
    PretrainSettings resolved() {
        PretrainConfig base = config(1, attackerEpochs, 0, 1);
        return new PretrainSettings(method, recipe, backbone, base.backbone().widths(), base.backbone().stemStride(),
                batchSize, attackerEpochs, victimEpochs, base.optimizer().baseLr(), base.optimizer().warmupEpochs(),
                augment.resolved(recipeConfig(1).augment()));
    }

    /** Whether the clean encoder (victim schedule) is the attacker's encoder. */
    boolean cleanIsAttacker() {
        return attackerEpochs == victimEpochs;
    }

    /** The pretraining configuration of one encoder. */
    PretrainConfig config(int channels, int epochs, long seed, int threads) {
        PretrainConfig c = recipeConfig(channels);
        BackboneConfig b = BackboneConfig.of(BackboneKind.parse(backbone), channels);
        if (widths != null) {
            b = b.withWidths(widths);
        }
        if (stemStride != null) {
            b = b.withStemStride(stemStride);
        }
        OptimizerParams o = c.optimizer();
        if (lr != null) {
            o = o.withBaseLr(lr);
        }
        if (warmupEpochs != null) {
            o = o.withWarmupEpochs(warmupEpochs);
        }
        return c.withBackbone(b).withOptimizer(o).withAugment(c.augmentPreset(), augment.applyTo(c.augment()))
                .withBatchSize(batchSize).withEpochs(epochs).withSeed(seed).withThreads(threads);
    }

    private PretrainConfig recipeConfig(int channels) {
        SslMethodKind kind = SslMethodKind.parse(method);
        return recipe.equals("cpu") ? PretrainConfig.cpu(kind, channels) : PretrainConfig.reference(kind, channels);
    }

    @Override
    public int[] widths() {
        return widths == null ? null : widths.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PretrainSettings p && p.method.equals(method) && p.recipe.equals(recipe)
                && p.backbone.equals(backbone) && Arrays.equals(p.widths, widths)
                && java.util.Objects.equals(p.stemStride, stemStride) && p.batchSize == batchSize
                && p.attackerEpochs == attackerEpochs && p.victimEpochs == victimEpochs
                && java.util.Objects.equals(p.lr, lr) && java.util.Objects.equals(p.warmupEpochs, warmupEpochs)
                && p.augment.equals(augment);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(method, recipe, backbone, Arrays.hashCode(widths), stemStride, batchSize,
                attackerEpochs, victimEpochs, lr, warmupEpochs, augment);
    }
}
