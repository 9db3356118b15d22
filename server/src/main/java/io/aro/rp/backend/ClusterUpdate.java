package io.aro.rp.backend;

/**
 * Updating: what a customer's PUT or PATCH may change (tags, the service principal, operator identities), carried to Azure,
 * to Hive and into the cluster, and the worker pools read again.
 */
final class ClusterUpdate implements Reconciler {
    private final ClusterSteps steps;

    ClusterUpdate(ClusterSteps steps) {
        this.steps = steps;
    }

    @Override
    public Decision reconcile(StepContext ctx) {
        ctx.step("validate", () -> steps.cloud().validate(ctx.cluster(), false));
        ctx.step("update", () -> steps.cloud().update(ctx.cluster()));
        if (ctx.cluster().usesWorkloadIdentity()) {
            steps.ensureWorkloadIdentity(ctx); // operator identities added for an upgrade
        }
        if (ClusterSteps.installed(ctx.cluster())) {
            steps.updateServicePrincipal(ctx);
            steps.recordWorkerProfiles(ctx);
        }
        return Decision.succeeded();
    }
}
