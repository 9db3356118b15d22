package io.aro.rp.api.v20230401;

import io.aro.rp.api.ApiVersion;
import io.aro.rp.generated.v20230401.api.OpenShiftClustersApi;
import io.aro.rp.generated.v20230401.api.OpenShiftVersionsApi;
import io.aro.rp.generated.v20230401.api.OperationsApi;
import io.aro.rp.generated.v20230401.model.OpenShiftCluster;

/** 2023-04-01: the outbound type (a public load balancer, or the customer's own routes). */
public final class Registration {
    public static final ApiVersion API = io.aro.rp.api.v20220904.Registration.API
            .next("2023-04-01", OpenShiftCluster.class, OpenShiftClustersApi.class, OperationsApi.class, OpenShiftVersionsApi.class);

    private Registration() {
    }
}
