package io.aro.rp.database;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * The RP's database: its containers over one {@link DocumentStore}. The frontend and the backend
 * keep all their state here and nothing in memory, so any number of them can run side by side.
 */
public final class Database implements AutoCloseable {
    /** Every container of the database, as deploy/cosmos.json creates them for a production account. */
    public static final List<ContainerSpec> CONTAINERS = List.of(OpenShiftClusters.SPEC, Subscriptions.SPEC, AsyncOperations.SPEC,
            OpenShiftVersions.SPEC, PlatformWorkloadIdentityRoleSets.SPEC);


    private final DocumentStore store;
    private final OpenShiftClusters openShiftClusters;
    private final Subscriptions subscriptions;
    private final AsyncOperations asyncOperations;
    private final OpenShiftVersions openShiftVersions;
    private final PlatformWorkloadIdentityRoleSets platformWorkloadIdentityRoleSets;

    private Database(DocumentStore store, ObjectMapper json, PreconditionRetry retry, LeaseSettings leases) {
        this.store = store;
        this.openShiftClusters = new OpenShiftClusters(store, json, retry, leases);
        this.subscriptions = new Subscriptions(store, json, retry, leases);
        this.asyncOperations = new AsyncOperations(store, json, retry);
        this.openShiftVersions = new OpenShiftVersions(store, json, retry);
        this.platformWorkloadIdentityRoleSets = new PlatformWorkloadIdentityRoleSets(store, json, retry);
    }

    /**
     * The database in {@code store}, its containers created when absent.
     *
     * @param cipher seals the secrets of the documents
     * @param leases how this process takes leases
     */
    public static Database open(DocumentStore store, SecretCipher cipher, PreconditionRetry retry, LeaseSettings leases) {
        return new Database(store, DocumentJson.mapper(cipher), retry, leases);
    }

    public OpenShiftClusters openShiftClusters() {
        return openShiftClusters;
    }

    public Subscriptions subscriptions() {
        return subscriptions;
    }

    public AsyncOperations asyncOperations() {
        return asyncOperations;
    }

    public OpenShiftVersions openShiftVersions() {
        return openShiftVersions;
    }

    public PlatformWorkloadIdentityRoleSets platformWorkloadIdentityRoleSets() {
        return platformWorkloadIdentityRoleSets;
    }

    @Override
    public void close() {
        store.close();
    }
}
