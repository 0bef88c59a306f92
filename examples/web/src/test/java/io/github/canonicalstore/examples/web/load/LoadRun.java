package io.github.canonicalstore.examples.web.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one configuration: starts the application, renders every hot page alone, runs the readers and the editor
 * concurrently, renders every page alone again, and collects what clients and server counted.
 *
 * <p>Phases, each judged by the same {@link PageOracle}: {@code alone} (every page a second time, one at a time,
 * before the load), {@code load} (readers), {@code editor} (the customer page after each save) and {@code after}
 * (every page once more, one at a time, after the load).
 */
public final class LoadRun {
    /** How long clients may take past the time limit to finish their last request. */
    private static final Duration GRACE = Duration.ofSeconds(30);
    /** How long each phase of pages rendered one at a time may take. */
    private static final Duration ALONE_LIMIT = Duration.ofSeconds(30);

    private LoadRun() {
    }

    /**
     * @param configuration the configuration to start the application in
     * @param settings how much load
     * @return what was found
     * @throws IllegalStateException if the application cannot be prepared: a page that does not render alone, or
     *     a first edit that is not saved
     * @throws InterruptedException if interrupted while clients run
     */
    public static LoadResult run(LoadConfiguration configuration, LoadSettings settings)
            throws InterruptedException {
        try (RunningApplication application = RunningApplication.start(configuration, settings.database())) {
            EditLog edits = new EditLog();
            Tally tally = new Tally();
            PageClient alone = application.newClient();
            for (int customer : HotPages.EDITED_CUSTOMERS) {
                if (EditorClient.saveValid(alone, edits, tally, customer).isEmpty()) {
                    throw new IllegalStateException("the first edit of customer " + customer + " was not saved: "
                            + tally.snapshot().errorSamples());
                }
            }
            PageOracle oracle = new PageOracle(renderAlone(alone), edits);
            judgeAlone("alone", alone, oracle, tally);

            StoreCounters before = ServerSnapshot.read(alone).store();
            long started = System.nanoTime();
            runClients(application, settings, oracle, edits, tally);
            Duration loadTime = Duration.ofNanos(System.nanoTime() - started);
            StoreCounters during = ServerSnapshot.read(alone).store().minus(before);

            judgeAlone("after", alone, oracle, tally);
            return new LoadResult(configuration, settings, tally.snapshot(), during, ServerSnapshot.read(alone),
                    loadTime);
        }
    }

    private static Map<String, String> renderAlone(PageClient client) {
        Map<String, String> pages = new LinkedHashMap<>();
        for (String path : HotPages.PATHS) {
            PageResponse response = client.get(path);
            if (response.status() != 200) {
                throw new IllegalStateException("GET " + path + " alone: " + response.describe());
            }
            pages.put(path, response.body());
        }
        return pages;
    }

    private static void judgeAlone(String phase, PageClient client, PageOracle oracle, Tally tally) {
        long deadline = System.nanoTime() + ALONE_LIMIT.toNanos();
        for (String path : HotPages.PATHS) {
            if (System.nanoTime() - deadline > 0) {
                tally.error(phase, "GET " + path, "not loaded: the phase took over " + ALONE_LIMIT.toSeconds() + " s");
                continue;
            }
            PageResponse response = client.get(path);
            if (response.status() == 200) {
                tally.page(phase, path, oracle.judge(path, response.body()));
            } else {
                tally.error(phase, "GET " + path, response.describe());
            }
        }
    }

    private static void runClients(RunningApplication application, LoadSettings settings, PageOracle oracle,
            EditLog edits, Tally tally) throws InterruptedException {
        long deadline = System.nanoTime() + settings.timeLimit().toNanos();
        AtomicInteger readersRunning = new AtomicInteger(settings.readers());
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(settings.readers() + 1, task -> {
            Thread thread = new Thread(task, "load-client-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        List<Future<?>> clients = new ArrayList<>();
        try {
            for (int i = 0; i < settings.readers(); i++) {
                ReaderClient reader = new ReaderClient(application.newClient(), oracle, tally,
                        settings.pagesPerReader(), deadline, settings.seed() + i);
                clients.add(pool.submit(() -> {
                    try {
                        reader.run();
                    } finally {
                        readersRunning.decrementAndGet();
                    }
                }));
            }
            clients.add(pool.submit(new EditorClient(application.newClient(), oracle, edits, tally,
                    settings.edits(), deadline, () -> readersRunning.get() > 0)));
            pool.shutdown();
            if (!pool.awaitTermination(settings.timeLimit().plus(GRACE).toMillis(), TimeUnit.MILLISECONDS)) {
                tally.error("load", "clients", "still running " + GRACE.toSeconds() + " s after the time limit");
            }
            for (Future<?> client : clients) {
                if (client.isDone()) {
                    report(client, tally);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void report(Future<?> client, Tally tally) throws InterruptedException {
        try {
            client.get();
        } catch (ExecutionException e) {
            tally.error("load", "client", "crashed: " + e.getCause());
        }
    }
}
