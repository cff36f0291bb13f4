package org.nlb.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nlb.io.BadInputException;
import org.nlb.io.InputFiles;

/**
 * An encoder's {@code log.csv} ({@code epoch,step,loss,lr,images_per_s,seconds}, one row per
 * finished epoch, written by the pretrainer): the loss per epoch. Columns are found by name.
 *
 * @param epochs the epoch of each row
 * @param losses the mean loss of each row
 * @param seconds the cumulative training seconds of each row (NaN when not logged)
 */
record TrainingLog(int[] epochs, double[] losses, double[] seconds) {
    static final String FILE = "log.csv";

    static TrainingLog read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file, "does not exist");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw InputFiles.cannotRead(file, e);
        }
        if (lines.isEmpty()) {
            throw new BadInputException(file, "is empty, expected a header line");
        }
        List<String> header = Arrays.asList(lines.get(0).strip().split(","));
        int epoch = header.indexOf("epoch");
        int loss = header.indexOf("loss");
        int secs = header.indexOf("seconds");
        if (epoch < 0 || loss < 0) {
            throw new BadInputException(file, "header has no \"epoch\" and \"loss\" columns: " + lines.get(0));
        }
        List<double[]> rows = new ArrayList<>();
        for (int k = 1; k < lines.size(); k++) {
            String line = lines.get(k).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",");
            try {
                rows.add(new double[] {Integer.parseInt(cells[epoch]), Double.parseDouble(cells[loss]),
                    secs >= 0 && secs < cells.length ? Double.parseDouble(cells[secs]) : Double.NaN});
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new BadInputException(file, "line " + (k + 1) + " is not a row of numbers: " + line);
            }
        }
        return new TrainingLog(rows.stream().mapToInt(r -> (int) r[0]).toArray(),
                rows.stream().mapToDouble(r -> r[1]).toArray(), rows.stream().mapToDouble(r -> r[2]).toArray());
    }

    int size() {
        return epochs.length;
    }
}
