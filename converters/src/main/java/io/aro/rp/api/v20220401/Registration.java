package io.aro.rp.api.v20220401;

import io.aro.rp.api.ApiVersion;
import io.aro.rp.generated.v20220401.api.OpenShiftClustersApi;
import io.aro.rp.generated.v20220401.api.OperationsApi;
import io.aro.rp.generated.v20220401.model.OpenShiftCluster;

/** 2022-04-01: the admin kubeconfig (listAdminCredentials), FIPS, encryption at host and disk encryption sets. */
public final class Registration {
    public static final ApiVersion API = io.aro.rp.api.v20200430.Registration.API
            .next("2022-04-01", OpenShiftCluster.class, OpenShiftClustersApi.class, OperationsApi.class);

    private Registration() {
    }
}
