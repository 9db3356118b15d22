package io.aro.rp.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aro.rp.api.external.ClusterConverter;
import io.aro.rp.api.external.ClusterStaticValidator;
import io.aro.rp.api.external.ClusterUpdateValidator;
import io.aro.rp.api.external.ExternalJson;
import io.aro.rp.api.validate.ImmutabilityPolicy;
import java.util.List;
import java.util.Objects;

/**
 * One API version as the frontend serves it (ARO's api.Version): its generated JAX-RS interfaces (the
 * routes it has), its generated cluster model, and the converter and validators it applies. What the
 * versions share is shared: a newer version starts from the one before ({@link #next}) and replaces only
 * what it changes.
 *
 * @param name the api-version, for example {@code 2023-11-22}
 * @param clusterModel the version's generated {@code OpenShiftCluster}: a response shows what it knows
 * @param routes the version's generated JAX-RS interfaces
 */
public record ApiVersion(String name, Class<?> clusterModel, List<Class<?>> routes, ClusterConverter converter,
        ClusterStaticValidator staticValidator, ClusterUpdateValidator updateValidator) {

    public ApiVersion {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(clusterModel, "clusterModel");
        routes = List.copyOf(routes);
        Objects.requireNonNull(converter, "converter");
        Objects.requireNonNull(staticValidator, "staticValidator");
        Objects.requireNonNull(updateValidator, "updateValidator");
    }

    /** The first GA version: the core properties, rules and update policy. */
    public static ApiVersion first(String name, Class<?> clusterModel, Class<?>... routes) {
        return new ApiVersion(name, clusterModel, List.of(routes), ClusterConverter.CORE, ClusterStaticValidator.CORE, ImmutabilityPolicy.CORE);
    }

    /** The version after this one, with its own model and routes and, until replaced, this version's converter and rules. */
    public ApiVersion next(String name, Class<?> clusterModel, Class<?>... routes) {
        return new ApiVersion(name, clusterModel, List.of(routes), converter, staticValidator, updateValidator);
    }

    public ApiVersion withConverter(ClusterConverter converter) {
        return new ApiVersion(name, clusterModel, routes, converter, staticValidator, updateValidator);
    }

    public ApiVersion withStaticValidator(ClusterStaticValidator staticValidator) {
        return new ApiVersion(name, clusterModel, routes, converter, staticValidator, updateValidator);
    }

    public ApiVersion withUpdateValidator(ClusterUpdateValidator updateValidator) {
        return new ApiVersion(name, clusterModel, routes, converter, staticValidator, updateValidator);
    }

    /** {@code cluster} as this version shows it: the properties it knows, no secret. */
    public ObjectNode toExternal(OpenShiftCluster cluster) {
        return ExternalJson.prune(converter.toExternal(cluster), clusterModel);
    }

    /** What an update request in this version is compared with: its view of {@code cluster}, with the secrets a request may repeat. */
    public ObjectNode toExternalWithSecrets(OpenShiftCluster cluster) {
        return ExternalJson.prune(converter.toExternalWithSecrets(cluster), clusterModel);
    }

    /** {@code json} (a request, or a request laid over a cluster) as this version's model reads it. */
    public ObjectNode normalize(JsonNode json) {
        return ExternalJson.prune(json, clusterModel);
    }
}
