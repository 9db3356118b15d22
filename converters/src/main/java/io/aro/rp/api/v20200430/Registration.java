package io.aro.rp.api.v20200430;

import io.aro.rp.api.ApiVersion;
import io.aro.rp.generated.v20200430.model.OpenShiftCluster;

/** The 2020-04-30 API version's converter and validators, for the frontend (ARO's register.go). */
public final class Registration {
    public static final String NAME = "2020-04-30";
    public static final ApiVersion<OpenShiftCluster> API = new ApiVersion<>(NAME, OpenShiftCluster.class, new OpenShiftClusterConverter(),
            new OpenShiftClusterStaticValidator(), new OpenShiftClusterUpdateValidator());

    private Registration() {
    }
}
