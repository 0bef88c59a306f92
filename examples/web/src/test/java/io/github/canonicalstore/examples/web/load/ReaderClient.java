package io.github.canonicalstore.examples.web.load;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A reading client: loads hot pages in a random order, each page judged by the oracle, until it has loaded its
 * count or the deadline has passed.
 */
final class ReaderClient implements Runnable {
    private final PageClient client;
    private final PageOracle oracle;
    private final Tally tally;
    private final int pages;
    private final long deadline;
    private final SplittableRandom random;

    /**
     * @param client the client's own connection and cookie jar
     * @param oracle judges the pages
     * @param tally where results go
     * @param pages how many pages to load at most
     * @param deadline {@link System#nanoTime()} after which no request starts
     * @param seed the seed of its choice of pages
     */
    ReaderClient(PageClient client, PageOracle oracle, Tally tally, int pages, long deadline, long seed) {
        this.client = client;
        this.oracle = oracle;
        this.tally = tally;
        this.pages = pages;
        this.deadline = deadline;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public void run() {
        List<String> paths = HotPages.PATHS;
        for (int i = 0; i < pages && System.nanoTime() - deadline < 0; i++) {
            String path = paths.get(random.nextInt(paths.size()));
            PageResponse response = client.get(path);
            if (response.status() == 200) {
                tally.page("load", path, oracle.judge(path, response.body()));
            } else {
                tally.error("load", "GET " + path, response.describe());
            }
        }
    }
}
