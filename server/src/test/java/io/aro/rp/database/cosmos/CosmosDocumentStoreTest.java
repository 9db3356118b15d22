package io.aro.rp.database.cosmos;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aro.rp.database.ContainerSpec;
import io.aro.rp.database.DatabaseException;
import io.aro.rp.database.DocumentStore;
import io.aro.rp.database.DocumentStoreContract;
import io.aro.rp.database.OpenShiftVersions;
import io.aro.rp.database.Subscriptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CosmosDocumentStoreTest extends DocumentStoreContract {
    @Override
    protected DocumentStore openStore() {
        return CosmosDocumentStore.open(CosmosTestServer.get().settings("test-" + UUID.randomUUID()), new SimpleMeterRegistry());
    }

    /** What a production RP, which authenticates with its identity, opens: it may only read what deploy/cosmos.json created. */
    private static CosmosSettings withoutCreating(CosmosSettings settings) {
        return new CosmosSettings(settings.endpoint(), settings.key(), settings.databaseName(), settings.directMode(), settings.endpointDiscovery(),
                settings.maxThrottlingRetries(), settings.maxThrottlingWait(), false);
    }

    @Test
    void anRpThatMayNotCreateNamesWhatIsMissing() {
        CosmosSettings settings = CosmosTestServer.get().settings("test-" + UUID.randomUUID());

        DatabaseException noDatabase = assertThrows(DatabaseException.class,
                () -> CosmosDocumentStore.open(withoutCreating(settings), new SimpleMeterRegistry()));
        assertTrue(noDatabase.getMessage().contains("Cosmos DB database " + settings.databaseName() + " does not exist"), noDatabase.getMessage());

        try (CosmosDocumentStore creating = CosmosDocumentStore.open(settings, new SimpleMeterRegistry());
                CosmosDocumentStore reading = CosmosDocumentStore.open(withoutCreating(settings), new SimpleMeterRegistry())) {
            DatabaseException noContainer = assertThrows(DatabaseException.class, () -> reading.container(Subscriptions.SPEC));
            assertTrue(noContainer.getMessage().contains("Cosmos DB container Subscriptions does not exist"), noContainer.getMessage());
            assertTrue(noContainer.getMessage().contains("deploy/cosmos.json"), noContainer.getMessage());

            creating.container(new ContainerSpec("OpenShiftVersions", "/version", List.of(), false));
            DatabaseException wrongKey = assertThrows(DatabaseException.class, () -> reading.container(OpenShiftVersions.SPEC));
            assertTrue(wrongKey.getMessage().contains("is partitioned by [/version], not /id"), wrongKey.getMessage());

            creating.container(Subscriptions.SPEC);
            assertTrue(reading.container(Subscriptions.SPEC).read("s", "s").isEmpty(), "what exists is used");
        }
    }
}
