package io.aro.rp.api.v20250725;

import io.aro.rp.api.ApiVersion;
import io.aro.rp.api.validate.ImmutabilityPolicy;
import io.aro.rp.generated.v20250725.api.OpenShiftClustersApi;
import io.aro.rp.generated.v20250725.api.OpenShiftVersionsApi;
import io.aro.rp.generated.v20250725.api.OperationsApi;
import io.aro.rp.generated.v20250725.api.PlatformWorkloadIdentityRoleSetsApi;
import io.aro.rp.generated.v20250725.model.OpenShiftCluster;

/**
 * 2025-07-25, authored in TypeSpec: clusters whose operators authenticate with managed identities, the
 * role sets they need, and an installable version by name.
 */
public final class Registration {
    /** ARO's openshiftcluster_updatepolicy.go: the identities may change (within {@link WorkloadIdentityUpdates}). */
    public static final ImmutabilityPolicy UPDATE_POLICY = io.aro.rp.api.v20231122.Registration.UPDATE_POLICY.withMutable(
            "properties.platformWorkloadIdentityProfile.upgradeableTo",
            "properties.platformWorkloadIdentityProfile.platformWorkloadIdentities",
            "identity.principalId",
            "identity.tenantId",
            "identity.userAssignedIdentities");
    public static final ApiVersion API = io.aro.rp.api.v20231122.Registration.API
            .next("2025-07-25", OpenShiftCluster.class,
                    OpenShiftClustersApi.class, OperationsApi.class, OpenShiftVersionsApi.class, PlatformWorkloadIdentityRoleSetsApi.class)
            .withConverter(io.aro.rp.api.v20231122.Registration.API.converter().with(new WorkloadIdentityProperties()))
            .withStaticValidator(io.aro.rp.api.v20231122.Registration.API.staticValidator().withCredentials(new WorkloadIdentityCredentials()))
            .withUpdateValidator(UPDATE_POLICY.andThen(new WorkloadIdentityUpdates()));

    private Registration() {
    }
}
