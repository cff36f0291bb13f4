package org.nlb.experiment;

/**
 * Which data, and how it is split (DESIGN §1 step 1, §6).
 *
 * @param spec a dataset spec ({@code fashion-mnist}, {@code cifar10:DIR}, …); {@code null} only
 *     in a preset that needs the user's {@code --data} (paper)
 * @param splitSeed seed of the fixed 90/10 pretrain/downstream split and of the pretrain subset;
 *     the same for every run seed
 * @param pretrainSubset pretrain on a seeded subset of this many pretrain images (laptop scale),
 *     0 for the whole pretrain split; the downstream and test images are never reduced
 */
public record DataSettings(String spec, long splitSeed, int pretrainSubset) {
    public DataSettings {
        ConfigKeys.atLeast("data.pretrain_subset", pretrainSubset, 0);
        ConfigKeys.require(spec == null || !spec.isBlank(), "data.spec", "is empty");
    }

    public DataSettings withSpec(String s) {
        return new DataSettings(s, splitSeed, pretrainSubset);
    }
}
