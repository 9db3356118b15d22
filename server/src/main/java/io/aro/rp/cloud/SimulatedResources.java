package io.aro.rp.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The simulated world's resources (Azure resources, Hive objects) as one file each in a directory, so
 * that several RP processes share them and a killed process loses nothing, with a journal of every
 * creation and deletion. Like Azure, creating what exists changes nothing and deleting what is gone
 * succeeds.
 */
public final class SimulatedResources {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path resources;
    private final Path journal;

    public SimulatedResources(Path directory) {
        this.resources = directory.resolve("resources");
        this.journal = directory.resolve("journal.log");
        try {
            Files.createDirectories(resources);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the simulated resources in " + directory, e);
        }
    }

    /** Creates the resource unless it exists; returns whether it did. */
    boolean create(String id, String type, Map<String, String> properties) {
        ObjectNode resource = JSON.createObjectNode().put("id", id.toLowerCase(Locale.ROOT)).put("type", type);
        properties.forEach(resource::put);
        try {
            Files.writeString(file(id), resource.toString(), StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        record("created " + id.toLowerCase(Locale.ROOT));
        return true;
    }

    /** Replaces a resource's properties (creating it if absent); journaled as an update. */
    void replace(String id, String type, Map<String, String> properties) {
        if (create(id, type, properties)) {
            return;
        }
        ObjectNode resource = JSON.createObjectNode().put("id", id.toLowerCase(Locale.ROOT)).put("type", type);
        properties.forEach(resource::put);
        try {
            Files.writeString(file(id), resource.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        record("updated " + id.toLowerCase(Locale.ROOT));
    }

    void delete(String id) {
        try {
            if (Files.deleteIfExists(file(id))) {
                record("deleted " + id.toLowerCase(Locale.ROOT));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<JsonNode> read(String id) {
        try {
            return Optional.of(JSON.readTree(Files.readString(file(id))));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ids of the resources that exist now, in lower case. */
    public List<String> ids() {
        try (Stream<Path> files = Files.list(resources)) {
            List<String> ids = new ArrayList<>();
            for (Path file : (Iterable<Path>) files::iterator) {
                try {
                    ids.add(JSON.readTree(Files.readString(file)).path("id").asText());
                } catch (NoSuchFileException e) {
                    // deleted by another worker since the listing: gone, as Azure's list would say a moment later
                }
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The journal: one line per creation ({@code created <id>}), update or deletion, in order. */
    public List<String> journal() {
        try {
            return Files.exists(journal) ? Files.readAllLines(journal) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line per write, appended: atomic on local file systems, so processes sharing the journal do not interleave lines. */
    private void record(String line) {
        try {
            Files.writeString(journal, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path file(String id) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(id.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return resources.resolve(HexFormat.of().formatHex(hash) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
