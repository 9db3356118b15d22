package io.aro.rp.api;

import java.util.List;

/** The operations of the resource provider, as GET /providers/Microsoft.RedHatOpenShift/operations lists them. */
public final class Operations {
    /** One RP operation: its ARM name and how the portal shows it. */
    public record Operation(String name, String resource, String operation, String description) {
        public static final String PROVIDER = "Azure Red Hat OpenShift";
        public static final String ORIGIN = "user,system";
    }

    public static final List<Operation> ALL = List.of(
            new Operation("Microsoft.RedHatOpenShift/openShiftClusters/read", "openShiftClusters", "read", "Read OpenShift cluster"),
            new Operation("Microsoft.RedHatOpenShift/openShiftClusters/write", "openShiftClusters", "write", "Create or update OpenShift cluster"),
            new Operation("Microsoft.RedHatOpenShift/openShiftClusters/delete", "openShiftClusters", "delete", "Delete OpenShift cluster"),
            new Operation("Microsoft.RedHatOpenShift/openShiftClusters/listCredentials/action", "openShiftClusters", "listCredentials",
                    "List credentials of an OpenShift cluster"),
            new Operation("Microsoft.RedHatOpenShift/openShiftClusters/listAdminCredentials/action", "openShiftClusters", "listAdminCredentials",
                    "List admin kubeconfig of an OpenShift cluster"),
            new Operation("Microsoft.RedHatOpenShift/locations/openShiftVersions/read", "locations/openShiftVersions", "read",
                    "List installable OpenShift versions"),
            new Operation("Microsoft.RedHatOpenShift/locations/operationsStatus/read", "locations/operationsStatus", "read",
                    "Read the status of an asynchronous operation"),
            new Operation("Microsoft.RedHatOpenShift/locations/operationResults/read", "locations/operationResults", "read",
                    "Read the result of an asynchronous operation"),
            new Operation("Microsoft.RedHatOpenShift/operations/read", "operations", "read", "List the operations of the resource provider"));

    private Operations() {
    }
}
