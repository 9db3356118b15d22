package io.aro.rp.api;

import java.util.Objects;

/**
 * What an API version gives the frontend for its cluster routes (ARO's api.Version): the generated
 * external cluster model and the converter and validators beside it.
 *
 * @param name the api-version, for example {@code 2023-11-22}
 * @param clusterType the version's generated {@code OpenShiftCluster}
 */
public record ApiVersion<E>(String name, Class<E> clusterType, OpenShiftClusterConverter<E> converter,
        OpenShiftClusterStaticValidator<E> staticValidator, OpenShiftClusterUpdateValidator<E> updateValidator) {

    public ApiVersion {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(clusterType, "clusterType");
        Objects.requireNonNull(converter, "converter");
        Objects.requireNonNull(staticValidator, "staticValidator");
        Objects.requireNonNull(updateValidator, "updateValidator");
    }
}
