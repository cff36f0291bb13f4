package org.nlb.artefact;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The data set a run used: results.json's {@code dataset}, copied into sweep.json. A size a file
 * does not give is 0.
 *
 * @param spec the dataset spec string (DESIGN §6)
 * @param pretrain N, the images the encoders were pretrained on
 * @param downstream the labeled images the probes train on
 * @param test the test images
 * @param classes the class count
 * @param classNames the name of class k at index k
 */
public record DatasetInfo(@JsonProperty(required = true) String spec, int channels, int height, int width, int pretrain,
                          int downstream, int test, Integer classes, List<String> classNames) {
    public DatasetInfo {
        classNames = classNames == null ? null : List.copyOf(classNames);
    }

    /** The class names; their numbers when the file gives only the count. */
    public List<String> names() {
        if (classNames != null) {
            return classNames;
        }
        return IntStream.range(0, classes == null ? 0 : classes).mapToObj(Integer::toString).toList();
    }

    /** The name of class {@code k}, or its number when out of range. */
    public String className(int k) {
        List<String> names = names();
        return k >= 0 && k < names.size() ? names.get(k) : Integer.toString(k);
    }
}
