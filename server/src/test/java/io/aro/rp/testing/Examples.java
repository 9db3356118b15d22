package io.aro.rp.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The examples of swagger/, which double as requests for tests. */
public final class Examples {
    public static final Path STABLE = Path.of("..", "swagger", "specification", "redhatopenshift", "resource-manager",
            "Microsoft.RedHatOpenShift", "OpenShiftClusters", "stable").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Examples() {
    }

    public static JsonNode example(String apiVersion, String name) {
        try {
            return JSON.readTree(STABLE.resolve(apiVersion).resolve("examples").resolve(name + ".json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body parameter of an example's request. */
    public static ObjectNode request(String apiVersion, String name) {
        return (ObjectNode) example(apiVersion, name).path("parameters").path("parameters").deepCopy();
    }
}
