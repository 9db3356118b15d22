package io.aro.rp.database.cosmos;

import io.aro.rp.database.DocumentStore;
import io.aro.rp.database.DocumentStoreContract;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.UUID;

class CosmosDocumentStoreTest extends DocumentStoreContract {
    @Override
    protected DocumentStore openStore() {
        return CosmosDocumentStore.open(CosmosTestServer.get().settings("test-" + UUID.randomUUID()), new SimpleMeterRegistry());
    }
}
