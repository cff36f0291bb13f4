package org.nlb.cli;

import java.util.Optional;
import org.nlb.data.Dataset;
import org.nlb.data.DatasetFormat;
import org.nlb.data.DatasetSpec;
import org.nlb.data.ReadOptions;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The dataset a command reads: a positional spec and how to read it. */
final class DatasetArgs {
    @Parameters(index = "0", paramLabel = "SPEC",
            description = "Dataset: fashion-mnist, idx:DIR, cifar10:DIR, cifar100:DIR, cifar100-coarse:DIR or folder:DIR.")
    String spec;

    @Option(names = "--resize", paramLabel = "HxW",
            description = "For folder:DIR, resize every image to HxW (bilinear) instead of refusing mixed sizes.")
    String resize;

    Dataset read() {
        ReadOptions options = resize == null ? ReadOptions.DEFAULT
                : ReadOptions.resizeTo(ReadOptions.ImageSize.parse(resize));
        return DatasetFormat.readDataset(parsed(), options);
    }

    DatasetSpec parsed() {
        return DatasetSpec.parse(spec);
    }

    Optional<String> resizeText() {
        return Optional.ofNullable(resize);
    }
}
