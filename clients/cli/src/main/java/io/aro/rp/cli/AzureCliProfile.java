package io.aro.rp.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The subscriptions Azure CLI knows after {@code az login} ({@code azureProfile.json} in
 * {@code $AZURE_CONFIG_DIR}, else {@code ~/.azure}): which one is the default, and their names.
 */
final class AzureCliProfile {
    /** A subscription as az lists it. */
    record Subscription(String id, String name, String tenantId, boolean isDefault) {
    }

    private final Iterable<JsonNode> subscriptions;

    private AzureCliProfile(Iterable<JsonNode> subscriptions) {
        this.subscriptions = subscriptions;
    }

    static AzureCliProfile read(Map<String, String> env) {
        Path dir = env.containsKey("AZURE_CONFIG_DIR") ? Path.of(env.get("AZURE_CONFIG_DIR"))
                : Path.of(System.getProperty("user.home"), ".azure");
        Path file = dir.resolve("azureProfile.json");
        if (!Files.isRegularFile(file)) {
            return new AzureCliProfile(List.of());
        }
        try {
            // az writes the file with a byte order mark
            String json = Files.readString(file, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "");
            return new AzureCliProfile(new ObjectMapper().readTree(json).path("subscriptions"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Azure CLI's " + file, e);
        }
    }

    Optional<Subscription> defaultSubscription() {
        return all().filter(Subscription::isDefault).findFirst();
    }

    /** A subscription named by its ID or, as az accepts, its name. */
    Optional<Subscription> find(String idOrName) {
        return all().filter(s -> s.id().equalsIgnoreCase(idOrName) || s.name().equals(idOrName)).findFirst();
    }

    private Stream<Subscription> all() {
        return StreamSupport.stream(subscriptions.spliterator(), false)
                .map(s -> new Subscription(s.path("id").asText(), s.path("name").asText(), s.path("tenantId").asText(null),
                        s.path("isDefault").asBoolean(false)));
    }
}
