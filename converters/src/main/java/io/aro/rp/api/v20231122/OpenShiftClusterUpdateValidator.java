package io.aro.rp.api.v20231122;

import io.aro.rp.api.validate.ImmutabilityPolicy;
import io.aro.rp.generated.v20231122.model.OpenShiftCluster;
import java.util.Set;

/**
 * What an update may change in 2023-11-22: tags, the service principal (client ID and secret, for
 * credential rotation) and the pull secret. Worker profiles are fixed at create, as in ARO: the
 * cluster's machine sets own the workers.
 */
public final class OpenShiftClusterUpdateValidator implements io.aro.rp.api.OpenShiftClusterUpdateValidator<OpenShiftCluster> {
    static final ImmutabilityPolicy POLICY = ImmutabilityPolicy.of(
            Set.of(
                    "tags",
                    "properties.servicePrincipalProfile.clientId",
                    "properties.servicePrincipalProfile.clientSecret",
                    "properties.clusterProfile.pullSecret"),
            // readOnly in the spec, or set by the RP and checked against the URL by the static validator.
            Set.of(
                    "id", "name", "type", "location", "systemData",
                    "properties.provisioningState",
                    "properties.consoleProfile.url",
                    "properties.apiserverProfile.url",
                    "properties.apiserverProfile.ip",
                    "properties.ingressProfiles[*].ip",
                    "properties.workerProfilesStatus",
                    "properties.networkProfile.loadBalancerProfile.effectiveOutboundIps"));

    @Override
    public void validate(OpenShiftCluster requested, OpenShiftCluster current) {
        POLICY.validate(requested, current);
    }
}
