package io.aro.rp.frontend;

import io.aro.rp.api.validate.ValidationErrors;
import io.aro.rp.cloud.ClusterAzureResources;
import io.aro.rp.cloud.ClusterAzureResources.VirtualMachineAction;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.regex.Pattern;

/** The admin API's routes on a cluster's Azure resources: what is in its managed resource group, and actions on its virtual machines. */
final class AdminClusterResources {
    private static final Pattern VM_NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$");

    private final AdminClusters clusters;
    private final ClusterAzureResources azure;

    AdminClusterResources(AdminClusters clusters, ClusterAzureResources azure) {
        this.clusters = clusters;
        this.azure = azure;
    }

    Response resources(ClusterRef ref) {
        return Response.ok(azure.resources(clusters.document(ref).getOpenShiftCluster())).build();
    }

    Response virtualMachineAction(ClusterRef ref, String route, String vmName) {
        VirtualMachineAction action = VirtualMachineAction.ofRoute(route).orElseThrow(() -> ValidationErrors.invalidParameter("",
                "The action '%s' is not supported: restartvm, redeployvm, startvm or stopvm.", route));
        if (vmName == null || !VM_NAME.matcher(vmName).matches()) {
            throw ValidationErrors.invalidParameter("vmName", "The provided virtual machine name '%s' is invalid.", vmName);
        }
        azure.virtualMachineAction(clusters.document(ref).getOpenShiftCluster(), vmName, action);
        return Response.ok(Map.of()).build();
    }
}
