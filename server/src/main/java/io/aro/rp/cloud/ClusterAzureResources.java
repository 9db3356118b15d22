package io.aro.rp.cloud;

import io.aro.rp.api.OpenShiftCluster;
import java.util.List;
import java.util.Objects;

/** What an SRE looks at and does on a cluster's Azure resources through the admin API. */
public interface ClusterAzureResources {
    /** The resources in the cluster's managed resource group. */
    List<AzureResource> resources(OpenShiftCluster cluster);

    /**
     * Acts on a virtual machine of the cluster's managed resource group and waits for Azure to finish.
     *
     * @throws io.aro.rp.api.CloudErrorException 404 when the cluster has no such machine
     */
    void virtualMachineAction(OpenShiftCluster cluster, String vmName, VirtualMachineAction action);

    /** An Azure resource as ARM lists it. */
    record AzureResource(String id, String name, String type, String location) {
        public AzureResource {
            Objects.requireNonNull(id, "id");
        }
    }

    /** What can be done to a virtual machine, with the ARM action that does it. */
    enum VirtualMachineAction {
        RESTART("restartvm", "restart"),
        REDEPLOY("redeployvm", "redeploy"),
        START("startvm", "start"),
        STOP("stopvm", "powerOff");

        private final String route;
        private final String armAction;

        VirtualMachineAction(String route, String armAction) {
            this.route = route;
            this.armAction = armAction;
        }

        /** The admin API's name of the action (ARO's route), for example {@code restartvm}. */
        public String route() {
            return route;
        }

        /** The action of Microsoft.Compute/virtualMachines that does it. */
        public String armAction() {
            return armAction;
        }

        public static java.util.Optional<VirtualMachineAction> ofRoute(String route) {
            return java.util.Arrays.stream(values()).filter(a -> a.route.equals(route)).findFirst();
        }
    }
}
