package io.aro.rp.api.v20231122;

import io.aro.rp.api.ApiVersion;
import io.aro.rp.generated.v20231122.model.OpenShiftCluster;

/** The 2023-11-22 API version's converter and validators, for the frontend (ARO's register.go). */
public final class Registration {
    public static final String NAME = "2023-11-22";
    public static final ApiVersion<OpenShiftCluster> API = new ApiVersion<>(NAME, OpenShiftCluster.class, new OpenShiftClusterConverter(),
            new OpenShiftClusterStaticValidator(), new OpenShiftClusterUpdateValidator());

    private Registration() {
    }
}
