package io.aro.rp.api.external;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What an update may change, on the external JSON of the request and of the current cluster in the same API version. */
@FunctionalInterface
public interface ClusterUpdateValidator {
    /**
     * Refuses the request when it changes what the API version does not let an update change.
     *
     * @throws io.aro.rp.api.CloudErrorException {@code PropertyChangeNotAllowed}, its target the property's path
     */
    void validate(ObjectNode requested, ObjectNode current);

    /** This rule, then {@code next}. */
    default ClusterUpdateValidator andThen(ClusterUpdateValidator next) {
        return (requested, current) -> {
            validate(requested, current);
            next.validate(requested, current);
        };
    }
}
