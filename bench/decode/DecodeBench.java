import java.util.Arrays;
import org.nlb.data.Dataset;
import org.nlb.data.DatasetFormat;
import org.nlb.data.DatasetSpec;
import org.nlb.data.ReadOptions;

/** nlb's Fashion-MNIST reader, timed after JIT warm-up; prints the median in ms. */
public class DecodeBench {
    public static void main(String[] args) {
        DatasetSpec spec = DatasetSpec.parse("idx:" + args[0]);
        int repeats = Integer.parseInt(args[1]);
        double[] times = new double[repeats];
        Dataset data = null;
        for (int r = 0; r < 3 + repeats; r++) {
            long t0 = System.nanoTime();
            data = DatasetFormat.readDataset(spec, ReadOptions.DEFAULT);
            double ms = (System.nanoTime() - t0) / 1e6;
            if (r >= 3) {
                times[r - 3] = ms;
            }
        }
        if (data.train().size() != 60000 || data.test().size() != 10000) {
            throw new IllegalStateException("unexpected sizes");
        }
        Arrays.sort(times);
        double median = repeats % 2 == 1 ? times[repeats / 2] : (times[repeats / 2 - 1] + times[repeats / 2]) / 2;
        System.out.printf("%.1f%n", median);
    }
}
