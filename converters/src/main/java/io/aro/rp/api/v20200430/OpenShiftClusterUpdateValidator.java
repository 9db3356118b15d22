package io.aro.rp.api.v20200430;

import io.aro.rp.api.validate.ImmutabilityPolicy;
import io.aro.rp.generated.v20200430.model.OpenShiftCluster;
import java.util.Set;

/** What an update may change in 2020-04-30: tags and the credentials the cluster uses. */
public final class OpenShiftClusterUpdateValidator implements io.aro.rp.api.OpenShiftClusterUpdateValidator<OpenShiftCluster> {
    static final ImmutabilityPolicy POLICY = ImmutabilityPolicy.of(
            Set.of(
                    "tags",
                    "properties.servicePrincipalProfile.clientSecret",
                    "properties.clusterProfile.pullSecret"),
            // Set by the RP (the 2020-04-30 spec does not mark them readOnly); checked against the URL
            // by the static validator (id, name, type, location).
            Set.of(
                    "id", "name", "type", "location",
                    "properties.provisioningState",
                    "properties.consoleProfile.url",
                    "properties.apiserverProfile.url",
                    "properties.apiserverProfile.ip",
                    "properties.ingressProfiles[*].ip"));

    @Override
    public void validate(OpenShiftCluster requested, OpenShiftCluster current) {
        POLICY.validate(requested, current);
    }
}
