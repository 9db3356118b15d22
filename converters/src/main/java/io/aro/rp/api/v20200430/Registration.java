package io.aro.rp.api.v20200430;

import io.aro.rp.api.ApiVersion;
import io.aro.rp.generated.v20200430.api.OpenShiftClustersApi;
import io.aro.rp.generated.v20200430.api.OperationsApi;
import io.aro.rp.generated.v20200430.model.OpenShiftCluster;

/** 2020-04-30, the first GA version: clusters, their credentials, and the operations list. */
public final class Registration {
    public static final ApiVersion API = ApiVersion.first("2020-04-30", OpenShiftCluster.class, OpenShiftClustersApi.class, OperationsApi.class);

    private Registration() {
    }
}
