package io.aro.rp.backend;

/**
 * AdminUpdating (an SRE's admin update): every idempotent ensure step again, so that what drifted is put
 * back: the Azure resources, the Hive objects (recreated, as adopted, if they were lost) and the
 * cluster's Azure credentials; the worker pools are read again. The cluster then returns to the state
 * it was in.
 */
final class ClusterAdminUpdate implements Reconciler {
    private final ClusterSteps steps;

    ClusterAdminUpdate(ClusterSteps steps) {
        this.steps = steps;
    }

    @Override
    public Decision reconcile(StepContext ctx) {
        ctx.step("name resources", () -> steps.nameResources(ctx));
        steps.ensureAzureResources(ctx);
        if (ClusterSteps.installed(ctx.cluster())) {
            steps.updateServicePrincipal(ctx);
            steps.recordWorkerProfiles(ctx);
        }
        return Decision.succeeded();
    }
}
