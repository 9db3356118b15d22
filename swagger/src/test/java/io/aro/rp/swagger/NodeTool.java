package io.aro.rp.swagger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs one of the npm tools that swagger/package.json installs (the build runs npm ci when they are missing). */
final class NodeTool {
    private static final Path BIN = Path.of("node_modules", ".bin").toAbsolutePath();
    private static final long TIMEOUT_MINUTES = 5;

    /** What a tool printed (standard output and error, interleaved) and how it exited. */
    record Result(int exitCode, String output) {
    }

    private NodeTool() {
    }

    static Result run(String tool, String... args) {
        Path executable = BIN.resolve(tool);
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException(executable + " is missing: run 'npm ci' in swagger/ (the Maven build does when node_modules is absent)");
        }
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(List.of(args));
        return execute(tool, command);
    }

    /** One of this module's own scripts (src/test/node), run by Node with the pinned tools it requires. */
    static Result script(String script, String... args) {
        List<String> command = new ArrayList<>(List.of("node", Path.of("src", "test", "node", script).toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return execute(script, command);
    }

    private static Result execute(String tool, List<String> command) {
        try {
            // Output goes to a file, so that a tool that hangs with its output open still times out.
            Path log = Files.createTempFile(tool, ".log");
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
                if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(tool + " did not finish within " + TIMEOUT_MINUTES + " minutes");
                }
                return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
