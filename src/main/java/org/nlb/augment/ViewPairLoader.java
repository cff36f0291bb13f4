package org.nlb.augment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.nlb.data.ImageSet;
import org.nlb.io.BadInputException;

/**
 * Feeds SSL pretraining with view pairs (DESIGN §5): each epoch visits the images in a seeded
 * shuffle, cut into batches of B (the last partial batch is dropped, as solo-learn's
 * {@code drop_last}); a producer thread augments each batch's images in parallel on a fixed pool
 * and keeps up to K batches ready in a bounded queue, continuing into the next epoch, so that
 * training does not wait for augmentation. Batches are bit-identical whatever the thread count:
 * every draw comes from {@link AugmentSeeds}.
 *
 * <p>Use from one consumer thread: {@code for (ViewPairBatch b : loader.epoch(e))}, epochs in
 * order; asking for any other epoch, or leaving an epoch early, restarts the producer there.
 * {@link #close()} stops every thread the loader started.
 */
public final class ViewPairLoader implements AutoCloseable {
    private static final long CLOSE_TIMEOUT_SECONDS = 30;

    private final ImageSet images;
    private final TwoViewAugmenter augmenter;
    private final LoaderOptions options;
    private final ExecutorService workers;
    private final ExecutorService producer;
    /** Every thread the pools started, so that close() can wait until each has ended. */
    private final List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
    private Prefetch running;
    private boolean closed;
    private long waitNanos;

    public ViewPairLoader(ImageSet images, AugmentConfig config, LoaderOptions options) {
        this(images, TwoViewAugmenter.forData(images, config), options);
    }

    public ViewPairLoader(ImageSet images, TwoViewAugmenter augmenter, LoaderOptions options) {
        augmenter.requireShape(images);
        if ((long) options.batchSize() * augmenter.floatsPerImage() > Integer.MAX_VALUE - 8) {
            throw new BadInputException("batch size", options.batchSize() + " images of "
                    + augmenter.floatsPerImage() + " values do not fit in one array; use smaller batches");
        }
        if (options.batchSize() > images.size()) {
            throw new BadInputException("batch size", options.batchSize() + " is larger than the data set ("
                    + images.size() + " images); every batch would be dropped");
        }
        this.images = images;
        this.augmenter = augmenter;
        this.options = options;
        this.workers = Executors.newFixedThreadPool(options.threads(), named("nlb-augment-worker-"));
        this.producer = Executors.newSingleThreadExecutor(named("nlb-augment-prefetch-"));
    }

    /** Full batches in every epoch: floor(N / B). */
    public int batchesPerEpoch() {
        return images.size() / options.batchSize();
    }

    public TwoViewAugmenter augmenter() {
        return augmenter;
    }

    /** Seconds the consumer has spent waiting for batches so far (0 when prefetching keeps up). */
    public double waitSeconds() {
        return waitNanos / 1e9;
    }

    /** The batches of {@code epoch}, to iterate once. */
    public Iterable<ViewPairBatch> epoch(int epoch) {
        if (closed) {
            throw new IllegalStateException("loader is closed");
        }
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be >= 0, got " + epoch);
        }
        if (running == null || running.nextEpoch != epoch || running.midEpoch) {
            if (running != null) {
                running.task.cancel(true);
            }
            running = new Prefetch(epoch);
        }
        running.midEpoch = true;
        EpochBatches batches = new EpochBatches(running, epoch);
        return () -> batches;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (running != null) {
            running.task.cancel(true);
        }
        producer.shutdownNow();
        workers.shutdownNow();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CLOSE_TIMEOUT_SECONDS);
            boolean stopped = producer.awaitTermination(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    && workers.awaitTermination(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            for (Thread t : threads) {
                // a terminated pool's last thread may still be returning from run(): wait for it
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                stopped &= !t.isAlive();
            }
            if (!stopped) {
                throw new IllegalStateException("augmentation threads did not stop within "
                        + CLOSE_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Marks the end of an epoch in the queue. */
    private record EpochEnd(int epoch) {}

    /** Carries a producer failure to the consumer. */
    private record Failure(Throwable cause) {}

    /** One run of the producer, from a start epoch onwards, with its own queue. */
    private final class Prefetch {
        final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(options.prefetch());
        final Future<?> task;
        int nextEpoch;
        boolean midEpoch;

        Prefetch(int startEpoch) {
            this.nextEpoch = startEpoch;
            this.task = producer.submit(() -> produce(startEpoch));
        }

        private void produce(int startEpoch) {
            try {
                for (int e = startEpoch; !Thread.currentThread().isInterrupted(); e++) {
                    int[] order = AugmentSeeds.order(options.seed(), e, images.size());
                    for (int b = 0; b < batchesPerEpoch(); b++) {
                        queue.put(build(e, b, order));
                    }
                    queue.put(new EpochEnd(e));
                }
            } catch (InterruptedException e) {
                // cancelled by a restart or close: stop quietly
            } catch (ExecutionException e) {
                report(e.getCause());
            } catch (RuntimeException | Error e) {
                report(e);
            }
        }

        /** Queues the failure behind the batches already made; the consumer rethrows it. */
        private void report(Throwable cause) {
            try {
                queue.put(new Failure(cause));
            } catch (InterruptedException e) {
                // closed meanwhile: nobody is left to tell
            }
        }

        private ViewPairBatch build(int epoch, int batch, int[] order)
                throws InterruptedException, ExecutionException {
            int size = options.batchSize();
            int per = augmenter.floatsPerImage();
            int[] indices = Arrays.copyOfRange(order, batch * size, (batch + 1) * size);
            float[] view1 = new float[Math.multiplyExact(size, per)];
            float[] view2 = new float[view1.length];
            int chunks = Math.min(size, options.threads() * 4); // a few per thread evens out slow images
            List<Callable<Void>> tasks = new ArrayList<>(chunks);
            for (int k = 0; k < chunks; k++) {
                int from = (int) ((long) k * size / chunks);
                int to = (int) ((long) (k + 1) * size / chunks);
                tasks.add(() -> {
                    FloatImage scratch = augmenter.newScratch();
                    for (int j = from; j < to; j++) {
                        augmenter.augment(images, indices[j], options.seed(), epoch, scratch, view1, view2, j * per);
                    }
                    return null;
                });
            }
            for (Future<Void> f : workers.invokeAll(tasks)) {
                f.get();
            }
            return new ViewPairBatch(epoch, batch, indices, view1, view2, augmenter.channels(),
                    augmenter.outputHeight(), augmenter.outputWidth());
        }
    }

    /** The consumer's side of one epoch. */
    private final class EpochBatches implements Iterator<ViewPairBatch> {
        private final Prefetch source;
        private final int epoch;
        private ViewPairBatch pending;
        private boolean done;

        EpochBatches(Prefetch source, int epoch) {
            this.source = source;
            this.epoch = epoch;
        }

        @Override
        public boolean hasNext() {
            if (pending != null) {
                return true;
            }
            if (done) {
                return false;
            }
            if (closed || source != running) {
                throw new IllegalStateException("epoch " + epoch + " was abandoned: the loader was closed or restarted");
            }
            Object item = take();
            if (item instanceof ViewPairBatch b) {
                pending = b;
                return true;
            }
            done = true;
            if (item instanceof EpochEnd) {
                source.nextEpoch = epoch + 1;
                source.midEpoch = false;
                return false;
            }
            Throwable cause = ((Failure) item).cause();
            running = null;
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("augmentation failed", cause);
        }

        private Object take() {
            long t0 = System.nanoTime();
            try {
                return source.queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a batch", e);
            } finally {
                waitNanos += System.nanoTime() - t0;
            }
        }

        @Override
        public ViewPairBatch next() {
            if (!hasNext()) {
                throw new NoSuchElementException("epoch " + epoch + " has no more batches");
            }
            ViewPairBatch b = pending;
            pending = null;
            return b;
        }
    }

    private ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + count.incrementAndGet());
            t.setDaemon(true); // never keep the JVM alive if a caller forgets close()
            threads.add(t);
            return t;
        };
    }
}
