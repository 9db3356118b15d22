package io.aro.rp.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a JFR recording's CPU samples ({@code jdk.ExecutionSample}) are: the top frames, and the first
 * frame of the RP's own code ({@code io.aro.rp}) on each sampled stack, as shares of all samples.
 */
final class TopFrames {
    private TopFrames() {
    }

    static Map<String, Object> of(Path recording, int limit) throws IOException {
        Map<String, Integer> top = new HashMap<>();
        Map<String, Integer> own = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            top.merge(name(frames.get(0)), 1, Integer::sum);
            frames.stream().filter(f -> f.getMethod().getType().getName().startsWith("io.aro.rp")).findFirst()
                    .ifPresent(f -> own.merge(name(f), 1, Integer::sum));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("samples", samples);
        summary.put("topFrames", shares(top, samples, limit));
        summary.put("topOwnFrames", shares(own, samples, limit));
        return summary;
    }

    private static Map<String, Double> shares(Map<String, Integer> counts, int samples, int limit) {
        Map<String, Double> shares = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
                .forEach(e -> shares.put(e.getKey(), Math.round(1000.0 * e.getValue() / samples) / 10.0));
        return shares;
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
