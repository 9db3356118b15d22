package io.aro.rp.api.v20220904;

import io.aro.rp.api.ApiVersion;
import io.aro.rp.generated.v20220904.api.OpenShiftClustersApi;
import io.aro.rp.generated.v20220904.api.OpenShiftVersionsApi;
import io.aro.rp.generated.v20220904.api.OperationsApi;
import io.aro.rp.generated.v20220904.model.OpenShiftCluster;

/** 2022-09-04: the installable OpenShift versions of a location. */
public final class Registration {
    public static final ApiVersion API = io.aro.rp.api.v20220401.Registration.API
            .next("2022-09-04", OpenShiftCluster.class, OpenShiftClustersApi.class, OperationsApi.class, OpenShiftVersionsApi.class);

    private Registration() {
    }
}
