package io.aro.rp.api.external;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aro.rp.api.OpenShiftCluster;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts between the internal cluster and its external JSON, part by part. The {@link #CORE} parts map
 * every property of the API versions up to 2023-11-22 (an older version's generated model drops what it
 * does not know); a newer version adds parts for only what it introduces, with {@link #with(Part)}.
 */
public final class ClusterConverter {
    /** Converts one group of properties. */
    public interface Part {
        /**
         * Writes this part's properties of {@code cluster} into {@code external}: every property an API
         * version may know, never a secret.
         */
        void toExternal(OpenShiftCluster cluster, ObjectNode external);

        /**
         * Lays this part's writable properties of a validated request over {@code cluster}: a property the
         * request leaves out keeps its value, read-only properties in the request are ignored.
         */
        void toInternal(JsonNode request, OpenShiftCluster cluster);

        /** Writes this part's secrets of {@code cluster} into {@code external}, for {@link #toExternalWithSecrets}. */
        default void secretsToExternal(OpenShiftCluster cluster, ObjectNode external) {
        }
    }

    /** The properties of a service principal cluster, as every API version up to 2023-11-22 knows them. */
    public static final ClusterConverter CORE = new ClusterConverter(List.of(new CoreClusterProperties()));

    private final List<Part> parts;

    private ClusterConverter(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    /** This converter with {@code part} added, for a newer API version. */
    public ClusterConverter with(Part part) {
        List<Part> more = new ArrayList<>(parts);
        more.add(part);
        return new ClusterConverter(more);
    }

    /** The external JSON of {@code cluster}, with every property any part knows and no secret. */
    public ObjectNode toExternal(OpenShiftCluster cluster) {
        ObjectNode external = ExternalJson.MAPPER.createObjectNode();
        external.putObject("properties");
        for (Part part : parts) {
            part.toExternal(cluster, external);
        }
        return external;
    }

    /**
     * The external JSON of {@code cluster} with the secrets a request may repeat, to compare an update
     * request with (re-sending the pull secret the cluster has is not a change). Never a response.
     */
    public ObjectNode toExternalWithSecrets(OpenShiftCluster cluster) {
        ObjectNode external = toExternal(cluster);
        for (Part part : parts) {
            part.secretsToExternal(cluster, external);
        }
        return external;
    }

    /** Applies a validated request (the JSON of the version's generated model) to {@code cluster}. */
    public void toInternal(JsonNode request, OpenShiftCluster cluster) {
        for (Part part : parts) {
            part.toInternal(request, cluster);
        }
    }
}
