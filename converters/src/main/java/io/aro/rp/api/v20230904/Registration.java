package io.aro.rp.api.v20230904;

import io.aro.rp.api.ApiVersion;
import io.aro.rp.generated.v20230904.api.OpenShiftClustersApi;
import io.aro.rp.generated.v20230904.api.OpenShiftVersionsApi;
import io.aro.rp.generated.v20230904.api.OperationsApi;
import io.aro.rp.generated.v20230904.model.OpenShiftCluster;

/** 2023-09-04: preconfigured network security groups, and the worker pools the cluster really runs (workerProfilesStatus). */
public final class Registration {
    public static final ApiVersion API = io.aro.rp.api.v20230401.Registration.API
            .next("2023-09-04", OpenShiftCluster.class, OpenShiftClustersApi.class, OperationsApi.class, OpenShiftVersionsApi.class);

    private Registration() {
    }
}
