package org.nlb.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nlb.data.Dataset;
import org.nlb.data.ImageSet;
import org.nlb.data.Labels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code nlb datasets info SPEC}: counts, image shape, classes and their counts. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show image counts, shape, class names and per-class counts of a data set.")
final class DatasetsInfoCommand implements Callable<Integer> {
    @Mixin
    DatasetArgs dataset;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Dataset data = dataset.read();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(summary(data)));
        } else {
            printTable(data, out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static Map<String, Object> summary(Dataset data) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("spec", data.spec().toString());
        m.put("path", data.spec().path().toString());
        m.put("channels", data.train().channels());
        m.put("height", data.train().height());
        m.put("width", data.train().width());
        m.put("train", data.train().size());
        m.put("test", data.test().size());
        List<String> names = classNames(data);
        m.put("classes", names);
        m.put("train_counts", counts(data.train(), names.size()));
        m.put("test_counts", counts(data.test(), names.size()));
        return m;
    }

    private static void printTable(Dataset data, PrintWriter out) {
        ImageSet train = data.train();
        out.printf("dataset   %s%n", data.spec());
        out.printf("path      %s%n", data.spec().path());
        out.printf("images    %s (channels x height x width), uint8%n", train.shapeText());
        out.printf("train     %,d images%n", train.size());
        out.printf("test      %,d images%n", data.test().size());
        List<String> names = classNames(data);
        out.printf("classes   %d%n", names.size());
        int[] tr = counts(train, names.size());
        int[] te = counts(data.test(), names.size());
        int nameWidth = Math.max(5, names.stream().mapToInt(String::length).max().orElse(0));
        out.printf("  %5s  %-" + nameWidth + "s  %8s  %8s%n", "label", "class", "train", "test");
        for (int k = 0; k < names.size(); k++) {
            out.printf("  %5d  %-" + nameWidth + "s  %,8d  %,8d%n", k, names.get(k), tr[k], te[k]);
        }
    }

    private static List<String> classNames(Dataset data) {
        return data.train().labels().map(Labels::classNames).orElse(List.of());
    }

    private static int[] counts(ImageSet set, int classes) {
        return set.labels().map(Labels::classCounts).orElse(new int[classes]);
    }
}
