package io.aro.rp.api;

/**
 * Checks that an update request of one API version changes only what that version allows to change.
 *
 * @param <E> the API version's generated {@code OpenShiftCluster}
 */
public interface OpenShiftClusterUpdateValidator<E> {
    /**
     * Compares {@code requested} with {@code current}, the current cluster in the same API version.
     *
     * @throws CloudErrorException {@code PropertyChangeNotAllowed} naming the first immutable property that changes
     */
    void validate(E requested, E current);
}
