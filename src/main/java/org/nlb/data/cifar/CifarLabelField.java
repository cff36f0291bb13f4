package org.nlb.data.cifar;

import java.util.List;

/**
 * One label byte of a CIFAR record: where it sits, which file names its classes and the names
 * to use when that file is absent (DESIGN §6).
 *
 * @param offset        position of the byte in the record (CIFAR-100: 0 coarse, 1 fine)
 * @param kind          what the label is called in messages: "label", "fine label", "coarse label"
 * @param namesFile     file in the data directory listing the class names, one per line
 * @param standardNames the official class names, used when {@code namesFile} is absent
 */
record CifarLabelField(int offset, String kind, String namesFile, List<String> standardNames) {
    /** From the official {@code batches.meta.txt}. */
    static final List<String> CIFAR10_NAMES = List.of(
            "airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck");

    /** From the official {@code coarse_label_names.txt}. */
    static final List<String> CIFAR100_COARSE_NAMES = List.of(
            "aquatic_mammals", "fish", "flowers", "food_containers", "fruit_and_vegetables",
            "household_electrical_devices", "household_furniture", "insects", "large_carnivores",
            "large_man-made_outdoor_things", "large_natural_outdoor_scenes",
            "large_omnivores_and_herbivores", "medium_mammals", "non-insect_invertebrates", "people",
            "reptiles", "small_mammals", "trees", "vehicles_1", "vehicles_2");

    /** From the official {@code fine_label_names.txt}. */
    static final List<String> CIFAR100_FINE_NAMES = List.of(
            "apple", "aquarium_fish", "baby", "bear", "beaver", "bed", "bee", "beetle", "bicycle", "bottle",
            "bowl", "boy", "bridge", "bus", "butterfly", "camel", "can", "castle", "caterpillar", "cattle",
            "chair", "chimpanzee", "clock", "cloud", "cockroach", "couch", "crab", "crocodile", "cup", "dinosaur",
            "dolphin", "elephant", "flatfish", "forest", "fox", "girl", "hamster", "house", "kangaroo", "keyboard",
            "lamp", "lawn_mower", "leopard", "lion", "lizard", "lobster", "man", "maple_tree", "motorcycle", "mountain",
            "mouse", "mushroom", "oak_tree", "orange", "orchid", "otter", "palm_tree", "pear", "pickup_truck", "pine_tree",
            "plain", "plate", "poppy", "porcupine", "possum", "rabbit", "raccoon", "ray", "road", "rocket",
            "rose", "sea", "seal", "shark", "shrew", "skunk", "skyscraper", "snail", "snake", "spider",
            "squirrel", "streetcar", "sunflower", "sweet_pepper", "table", "tank", "telephone", "television", "tiger", "tractor",
            "train", "trout", "tulip", "turtle", "wardrobe", "whale", "willow_tree", "wolf", "woman", "worm");

    static final CifarLabelField CIFAR10 = new CifarLabelField(0, "label", "batches.meta.txt", CIFAR10_NAMES);
    static final CifarLabelField COARSE = new CifarLabelField(0, "coarse label", "coarse_label_names.txt",
            CIFAR100_COARSE_NAMES);
    static final CifarLabelField FINE = new CifarLabelField(1, "fine label", "fine_label_names.txt",
            CIFAR100_FINE_NAMES);
}
