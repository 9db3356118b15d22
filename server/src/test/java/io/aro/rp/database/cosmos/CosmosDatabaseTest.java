package io.aro.rp.database.cosmos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aro.rp.api.ProvisioningState;
import io.aro.rp.database.DatabaseContract;
import io.aro.rp.database.DocumentStore;
import io.aro.rp.database.OpenShiftClusterDocument;
import io.aro.rp.testing.Clusters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CosmosDatabaseTest extends DatabaseContract {
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final String database = "test-" + UUID.randomUUID();

    @Override
    protected DocumentStore openStore() {
        return CosmosDocumentStore.open(CosmosTestServer.get().settings(database), metrics);
    }

    @Test
    void throttledRequestsAreRetriedAndCounted() {
        OpenShiftClusterDocument created = db.openShiftClusters().create(Clusters.document(UUID.randomUUID().toString(), "rg", "busy",
                ProvisioningState.SUCCEEDED));

        CosmosTestServer.get().throttleNext(database, 3);
        OpenShiftClusterDocument read = db.openShiftClusters().get(created.getKey()).orElseThrow();

        assertEquals(created.getEtag(), read.getEtag());
        double retries = metrics.find("aro.database.retries").counters().stream().mapToDouble(Counter::count).sum();
        assertTrue(retries >= 3, "retries counted: " + retries);
    }

    @Test
    void everyOperationsRequestUnitsAreMeasured() {
        db.openShiftClusters().create(Clusters.document(UUID.randomUUID().toString(), "rg", "charged", ProvisioningState.SUCCEEDED));

        DistributionSummary created = metrics.find("aro.database.request.charge").tag("container", "OpenShiftClusters").tag("operation", "Create")
                .summary();
        assertTrue(created != null && created.count() >= 1, "the create's charge: " + metrics.getMeters().stream().map(m -> m.getId().toString()).toList());
    }
}
