package io.github.canonicalstore.examples.web.diagnostics;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/** Counts {@link ForeignSessionUse}s and keeps the first {@value #SAMPLES}. Thread-safe. */
@Component
public class ForeignSessionUses {
    /** How many uses are kept as samples. */
    static final int SAMPLES = 20;

    private final AtomicLong count = new AtomicLong();
    private final List<ForeignSessionUse> samples = new CopyOnWriteArrayList<>();

    /** @param use a load through another thread's session */
    public void record(ForeignSessionUse use) {
        if (count.incrementAndGet() <= SAMPLES) {
            samples.add(use);
        }
    }

    /** @return how many such loads there were */
    public long count() {
        return count.get();
    }

    /** @return the first of them */
    public List<ForeignSessionUse> samples() {
        return List.copyOf(samples);
    }
}
