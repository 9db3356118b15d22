package io.aro.rp.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The benchmark measures the RP as the README runs it: with the same JVM options. */
class BenchmarkSettingsTest {
    @Test
    void theReadmeRunsTheRpWithTheBenchmarkedJvmOptions() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        assertTrue(readme.contains("java " + Benchmark.README_JVM_OPTIONS + " -jar server/target/aro-rp-server.jar"),
                "README's run command does not use " + Benchmark.README_JVM_OPTIONS);
    }
}
