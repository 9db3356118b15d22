package io.aro.rp.frontend;

import io.aro.rp.api.CloudError;
import io.aro.rp.api.CloudErrorBody;
import io.aro.rp.api.CloudErrorCodes;
import io.aro.rp.api.CloudErrorException;
import io.aro.rp.api.OpenShiftClusterProperties;
import io.aro.rp.api.ProvisioningState;

/**
 * Which requests a cluster's provisioning state allows (ARO's state gating). A refusal is 409 Conflict
 * with ARO's code and message: the contract recommends 409 for a request that an operation in progress
 * blocks, where ARO answers 400 (see docs/frontend.md).
 */
final class ClusterStates {
    private ClusterStates() {
    }

    /** A PUT or PATCH needs a terminal state, and a Failed cluster whose creation or deletion failed must be deleted. */
    static void requireUpdatable(OpenShiftClusterProperties properties) {
        requireTerminal(properties);
        if (properties.getProvisioningState() == ProvisioningState.FAILED) {
            if (properties.getFailedProvisioningState() == ProvisioningState.CREATING) {
                throw conflict("Request is not allowed on cluster whose creation failed. Delete the cluster.");
            }
            if (properties.getFailedProvisioningState() == ProvisioningState.DELETING) {
                throw conflict("Request is not allowed on cluster whose deletion failed. Delete the cluster.");
            }
        }
    }

    /** No request but a DELETE of a deleting cluster may start while an operation is in progress. */
    static void requireTerminal(OpenShiftClusterProperties properties) {
        if (!properties.getProvisioningState().isTerminal()) {
            throw notAllowedIn(properties.getProvisioningState());
        }
    }

    static CloudErrorException notAllowedIn(ProvisioningState state) {
        return conflict(String.format("Request is not allowed in provisioningState '%s'.", state));
    }

    private static CloudErrorException conflict(String message) {
        return new CloudError(409, new CloudErrorBody(CloudErrorCodes.REQUEST_NOT_ALLOWED, message, null, null)).toException();
    }
}
