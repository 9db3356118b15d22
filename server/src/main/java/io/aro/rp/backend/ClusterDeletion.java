package io.aro.rp.backend;

/**
 * Deleting, as ARO does with a ClusterDeployment created with preserveOnDelete: the RP removes the
 * cluster's Azure resources itself (the federated credentials and OIDC issuer of a managed identity
 * cluster, NSGs detached, DNS delegation, the managed resource group), then the
 * Hive namespace and what is in it. A half-done deletion resumes: deleting what is gone succeeds.
 */
final class ClusterDeletion implements Reconciler {
    private final ClusterSteps steps;

    ClusterDeletion(ClusterSteps steps) {
        this.steps = steps;
    }

    @Override
    public Decision reconcile(StepContext ctx) {
        if (ctx.cluster().usesWorkloadIdentity()) {
            // before the resource group: the federated credentials are on the customer's identities, outside it
            ctx.step("delete the federated credentials and the OIDC issuer", () -> steps.workloadIdentity().deleteWorkloadIdentity(ctx.cluster()));
        }
        ctx.step("delete the Azure resources", () -> steps.cloud().delete(ctx.cluster()));
        ctx.step("delete the Hive namespace", () -> steps.installer().deleteInstallation(ctx.cluster()));
        return Decision.deleted();
    }
}
