package io.aro.rp.frontend;

/** The version-agnostic handlers of the cluster routes that every API version's resource class delegates to. */
record ClusterRoutes(OpenShiftClusterGet get, OpenShiftClusterList list, OpenShiftClusterPutOrPatch putOrPatch,
        OpenShiftClusterDelete delete, OpenShiftClusterCredentials credentials) {
}
