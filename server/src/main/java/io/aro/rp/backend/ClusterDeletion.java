package io.aro.rp.backend;

/**
 * Deleting, as ARO does with a ClusterDeployment created with preserveOnDelete: the RP removes the
 * cluster's Azure resources itself (NSGs detached, DNS delegation, the managed resource group), then the
 * Hive namespace and what is in it. A half-done deletion resumes: deleting what is gone succeeds.
 */
final class ClusterDeletion implements Reconciler {
    private final ClusterSteps steps;

    ClusterDeletion(ClusterSteps steps) {
        this.steps = steps;
    }

    @Override
    public Decision reconcile(StepContext ctx) {
        ctx.step("delete the Azure resources", () -> steps.cloud().delete(ctx.cluster()));
        ctx.step("delete the Hive namespace", () -> steps.installer().deleteInstallation(ctx.cluster()));
        return Decision.deleted();
    }
}
