package io.aro.rp.api;

/**
 * Converts between one API version's external cluster model {@code E} and the internal model.
 *
 * @param <E> the API version's generated {@code OpenShiftCluster}
 */
public interface OpenShiftClusterConverter<E> {
    /**
     * The external view of {@code cluster} for a response: every property the API version knows, with
     * secrets (client secret, pull secret) left out.
     */
    E toExternal(OpenShiftCluster cluster);

    /**
     * Applies a validated request to {@code cluster}. Only writable properties that the API version
     * knows are touched: read-only properties in the request are ignored, a property the request leaves
     * out keeps its value, and properties of newer API versions are left as they are. Tags are replaced.
     */
    void toInternal(E external, OpenShiftCluster cluster);
}
