package io.aro.rp.database;

import java.util.List;
import java.util.Objects;

/**
 * How a container is laid out.
 *
 * @param name the container's name
 * @param partitionKeyPath the top-level field that partitions it, for example {@code /partitionKey}
 * @param uniqueKeyPaths top-level fields unique within a partition, besides {@code id}
 * @param timeToLive whether documents expire by their {@code ttl} field (seconds after their last write)
 */
public record ContainerSpec(String name, String partitionKeyPath, List<String> uniqueKeyPaths, boolean timeToLive) {
    public ContainerSpec {
        Objects.requireNonNull(name, "name");
        if (!partitionKeyPath.matches("/[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("partition key path must be one top-level field: " + partitionKeyPath);
        }
        for (String path : uniqueKeyPaths) {
            if (!path.matches("/[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("unique key path must be one top-level field: " + path);
            }
        }
        uniqueKeyPaths = List.copyOf(uniqueKeyPaths);
    }

    /** The partition key field's name. */
    public String partitionKeyField() {
        return partitionKeyPath.substring(1);
    }
}
