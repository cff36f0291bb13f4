package org.nlb.experiment;

import java.util.Locale;
import org.nlb.augment.AugmentConfig;

/**
 * The victim's augmentation where it departs from the recipe's (DESIGN §5), as
 * {@code pretrain.augment} of a run config: every field {@code null} means "the recipe's value".
 * Only the ops that also act on 1-channel images are offered (the crop, the flip, the jitter's
 * brightness and contrast, solarisation); saturation, hue and grayscale stay the recipe's.
 * Applied to every encoder of the run, attacker and clean ones included.
 *
 * @param cropMinScale the random resized crop's smallest area fraction, in (0, 1]
 * @param cropMaxScale its largest area fraction, in (0, 1], at least {@code cropMinScale}
 * @param flip horizontal-flip probability of each view
 * @param jitterProbability probability of the colour jitter on each view
 * @param brightness the jitter's brightness strength (factor in [max(0, 1 − s), 1 + s])
 * @param contrast the jitter's contrast strength
 * @param solarize solarisation probability of the second view; the first never solarises, as in
 *     the recipes (BYOL's asymmetric views)
 */
public record AugmentSettings(Double cropMinScale, Double cropMaxScale, Double flip, Double jitterProbability,
                              Double brightness, Double contrast, Double solarize) {
    /** Everything left to the recipe. */
    static final AugmentSettings NONE = new AugmentSettings(null, null, null, null, null, null, null);
    private static final String KEY = "pretrain.augment.";

    public AugmentSettings {
        scale("crop_min_scale", cropMinScale);
        scale("crop_max_scale", cropMaxScale);
        if (cropMinScale != null && cropMaxScale != null) {
            checkOrder(cropMinScale, cropMaxScale);
        }
        probability("flip", flip);
        probability("jitter_probability", jitterProbability);
        strength("brightness", brightness);
        strength("contrast", contrast);
        probability("solarize", solarize);
    }

    /** {@code recipe} with every set field replacing the recipe's value, on both views (solarisation: the second). */
    AugmentConfig applyTo(AugmentConfig recipe) {
        return recipe.withViews(applyTo(recipe.view1(), false), applyTo(recipe.view2(), true));
    }

    private AugmentConfig.View applyTo(AugmentConfig.View v, boolean second) {
        AugmentConfig.Crop c = v.crop();
        double min = cropMinScale == null ? c.minScale() : cropMinScale;
        double max = cropMaxScale == null ? c.maxScale() : cropMaxScale;
        if (cropMaxScale != null && cropMinScale == null) {
            ConfigKeys.require(min <= max, KEY + "crop_max_scale", "must be at least the recipe's crop_min_scale ("
                    + num(min) + "), got " + num(max));
        }
        checkOrder(min, max);
        AugmentConfig.Jitter j = v.jitter();
        AugmentConfig.View out = v.withCrop(new AugmentConfig.Crop(min, max, c.minRatio(), c.maxRatio()))
                .withJitter(new AugmentConfig.Jitter(or(jitterProbability, j.probability()), or(brightness, j.brightness()),
                        or(contrast, j.contrast()), j.saturation(), j.hue()))
                .withFlip(or(flip, v.flip()));
        return second && solarize != null ? out.withSolarize(solarize) : out;
    }

    /** Every field filled in with {@code recipe}'s value, for config.json. */
    AugmentSettings resolved(AugmentConfig recipe) {
        AugmentConfig a = applyTo(recipe);
        AugmentConfig.View v = a.view1();
        return new AugmentSettings(v.crop().minScale(), v.crop().maxScale(), v.flip(), v.jitter().probability(),
                v.jitter().brightness(), v.jitter().contrast(), a.view2().solarize());
    }

    private static double or(Double value, double recipe) {
        return value == null ? recipe : value;
    }

    /**
     * Names the block, not one key: the two values may come from different layers (a preset's
     * minimum, a config file's maximum), and the error must name the topmost layer that set either.
     */
    private static void checkOrder(double min, double max) {
        ConfigKeys.require(min <= max, "pretrain.augment", String.format(Locale.ROOT,
                "crop_min_scale (%s) must not exceed crop_max_scale (%s)", num(min), num(max)));
    }

    private static void scale(String key, Double value) {
        ConfigKeys.require(value == null || (value > 0 && value <= 1), KEY + key, "must be in (0, 1], got " + num(value));
    }

    private static void probability(String key, Double value) {
        ConfigKeys.require(value == null || (value >= 0 && value <= 1), KEY + key, "must be in [0, 1], got " + num(value));
    }

    private static void strength(String key, Double value) {
        ConfigKeys.require(value == null || (value >= 0 && Double.isFinite(value)), KEY + key,
                "must be a number ≥ 0, got " + num(value));
    }

    private static String num(Double value) {
        return value == null ? "null" : value == Math.rint(value) && Math.abs(value) < 1e9
                ? Long.toString(value.longValue()) : value.toString();
    }
}
