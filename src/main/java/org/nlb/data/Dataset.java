package org.nlb.data;

/**
 * A labeled image data set as its files hold it: a train part and a test part, and the spec it
 * was read from (which tells a writer how to write a changed copy back in the same format).
 */
public record Dataset(DatasetSpec spec, ImageSet train, ImageSet test) {
    public Dataset {
        if (train.channels() != test.channels() || train.height() != test.height()
                || train.width() != test.width()) {
            throw new IllegalArgumentException("train images are " + train.shapeText()
                    + " but test images are " + test.shapeText());
        }
    }

    public Dataset withTrain(ImageSet newTrain) {
        return new Dataset(spec, newTrain, test);
    }
}
