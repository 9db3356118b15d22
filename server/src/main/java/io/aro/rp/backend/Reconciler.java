package io.aro.rp.backend;

/**
 * The work of one cluster state (Creating, Updating, AdminUpdating, Deleting): reads what is, acts
 * through idempotent steps, and decides. It may run again after a crash half way, so every step reads
 * before it writes.
 */
interface Reconciler {
    Decision reconcile(StepContext ctx);
}
