package org.nlb.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.nlb.data.Dataset;
import org.nlb.io.BadInputException;

/**
 * One point of a sweep's grid: a rate and a method, the configuration they give (the sweep's
 * preset, config file, {@code --data} and {@code --seeds} with {@code attack.rate} and
 * {@code pretrain.method} on top) and its inputs, loaded and checked before anything is written.
 *
 * @param name the sub-run's directory name: {@code rate-0.05}, or {@code mocov2-rate-0.1} when
 *     the sweep varies the method
 * @param method the SSL method
 * @param rate the poison rate relative to one class
 * @param loaded the point's resolved configuration
 * @param inputs the point's data, budget and trigger
 */
record SweepPoint(String name, String method, double rate, ConfigLoader.Loaded loaded, RunInputs inputs) {
    /** The points of {@code grid}, method by method, each method's rates in the order given. */
    static List<SweepPoint> of(SweepGrid grid, ConfigLoader.Request request) {
        ConfigLoader.Loaded base = ConfigLoader.load(request);
        List<String> methods = grid.methods().isEmpty() ? List.of(base.config().pretrain().method()) : grid.methods();
        List<Double> rates = grid.rates().isEmpty() ? List.of(base.config().attack().rate()) : grid.rates();
        Dataset dataset = RunInputs.readDataset(base.config()); // read once: every point uses the same data
        List<SweepPoint> points = new ArrayList<>();
        for (String method : methods) {
            for (double rate : rates) {
                String name = (grid.namesMethods() ? method + "-" : "") + "rate-" + SweepGrid.rateText(rate);
                ObjectNode overrides = RunJson.JSON.createObjectNode();
                overrides.putObject("pretrain").put("method", method);
                overrides.putObject("attack").put("rate", rate);
                ConfigLoader.Loaded loaded = ConfigLoader.load(request, overrides, "sweep point " + name);
                points.add(new SweepPoint(name, method, rate, loaded, inputs(name, rate, loaded.config(), dataset)));
            }
        }
        return points;
    }

    /** The point's inputs; a budget that does not fit is blamed on {@code --rates}, naming the rate. */
    private static RunInputs inputs(String name, double rate, RunConfig config, Dataset dataset) {
        try {
            return RunInputs.load(config, dataset);
        } catch (BadInputException e) {
            if (e.subject().equals("attack.rate")) {
                throw new BadInputException("--rates", "rate " + SweepGrid.rateText(rate) + ": " + e.problem());
            }
            throw new BadInputException(e.subject(), "point " + name + ": " + e.problem());
        }
    }

    /** The pretrain images N. */
    int pretrainImages() {
        return inputs.budget().n();
    }

    /** "rate 0.1" or "mocov2, rate 0.1", for the progress line. */
    String label(boolean withMethod) {
        return (withMethod ? method + ", " : "") + "rate " + SweepGrid.rateText(rate);
    }
}
