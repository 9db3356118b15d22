package io.aro.rp.fault;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/** The figures the fault suite's tests count, printed as one summary line when the run ends ({@link FaultSummary}). */
final class FaultFigures {
    private static final Map<String, AtomicLong> FIGURES = new ConcurrentSkipListMap<>();
    private static final Map<String, String> NOTES = new ConcurrentSkipListMap<>();

    private FaultFigures() {
    }

    static void add(String figure, long amount) {
        FIGURES.computeIfAbsent(figure, f -> new AtomicLong()).addAndGet(amount);
    }

    static void note(String figure, String value) {
        NOTES.put(figure, value);
    }

    static boolean isEmpty() {
        return FIGURES.isEmpty() && NOTES.isEmpty();
    }

    static String line() {
        StringBuilder line = new StringBuilder("FAULT SUITE (" + FaultScale.current().name() + "):");
        FIGURES.forEach((figure, value) -> line.append(' ').append(figure).append('=').append(value.get()));
        NOTES.forEach((figure, value) -> line.append(' ').append(figure).append('=').append(value));
        return line.toString();
    }
}
