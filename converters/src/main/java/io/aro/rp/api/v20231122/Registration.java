package io.aro.rp.api.v20231122;

import io.aro.rp.api.ApiVersion;
import io.aro.rp.api.validate.ImmutabilityPolicy;
import io.aro.rp.generated.v20231122.api.OpenShiftClustersApi;
import io.aro.rp.generated.v20231122.api.OpenShiftVersionsApi;
import io.aro.rp.generated.v20231122.api.OperationsApi;
import io.aro.rp.generated.v20231122.model.OpenShiftCluster;

/** 2023-11-22: the public load balancer's managed outbound IPs, which an update may change. */
public final class Registration {
    public static final ImmutabilityPolicy UPDATE_POLICY = ImmutabilityPolicy.CORE
            .withMutable("properties.networkProfile.loadBalancerProfile.managedOutboundIps");
    public static final ApiVersion API = io.aro.rp.api.v20230904.Registration.API
            .next("2023-11-22", OpenShiftCluster.class, OpenShiftClustersApi.class, OperationsApi.class, OpenShiftVersionsApi.class)
            .withUpdateValidator(UPDATE_POLICY);

    private Registration() {
    }
}
