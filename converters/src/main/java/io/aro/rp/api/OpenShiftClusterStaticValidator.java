package io.aro.rp.api;

/**
 * Checks a cluster request of one API version on its own, without calling Azure.
 *
 * @param <E> the API version's generated {@code OpenShiftCluster}
 */
public interface OpenShiftClusterStaticValidator<E> {
    /**
     * Validates {@code external} against the URL and the RP in {@code context}.
     *
     * @param isCreate whether the request creates the cluster (some rules apply to new clusters only)
     * @throws CloudErrorException a 400 naming the first invalid property in its target
     */
    void validate(E external, ValidationContext context, boolean isCreate);
}
