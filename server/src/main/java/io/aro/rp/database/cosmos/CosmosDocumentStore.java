package io.aro.rp.database.cosmos;

import com.azure.cosmos.CosmosClient;
import com.azure.cosmos.CosmosClientBuilder;
import com.azure.cosmos.CosmosDatabase;
import com.azure.cosmos.CosmosException;
import com.azure.cosmos.ThrottlingRetryOptions;
import com.azure.cosmos.models.CosmosClientTelemetryConfig;
import com.azure.cosmos.models.CosmosContainerProperties;
import com.azure.cosmos.models.UniqueKey;
import com.azure.cosmos.models.UniqueKeyPolicy;
import com.azure.identity.DefaultAzureCredentialBuilder;
import io.aro.rp.database.ContainerSpec;
import io.aro.rp.database.DatabaseException;
import io.aro.rp.database.DocumentContainer;
import io.aro.rp.database.DocumentStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** The production store: Azure Cosmos DB (SQL API) through the azure-cosmos SDK. */
public final class CosmosDocumentStore implements DocumentStore {
    private final CosmosClient client;
    private final CosmosDatabase database;
    private final boolean createMissing;
    private final Map<String, DocumentContainer> containers = new ConcurrentHashMap<>();

    private CosmosDocumentStore(CosmosClient client, CosmosDatabase database, boolean createMissing) {
        this.client = client;
        this.database = database;
        this.createMissing = createMissing;
    }

    /**
     * Connects; creates the database when it does not exist and the settings allow, else checks that it does.
     *
     * @throws DatabaseException when Cosmos DB cannot be reached, refuses the RP, or lacks the database
     */
    public static CosmosDocumentStore open(CosmosSettings settings, MeterRegistry metrics) {
        CosmosClientBuilder builder = new CosmosClientBuilder()
                .endpoint(settings.endpoint())
                .endpointDiscoveryEnabled(settings.endpointDiscovery())
                .contentResponseOnWriteEnabled(true)
                .throttlingRetryOptions(new ThrottlingRetryOptions()
                        .setMaxRetryAttemptsOnThrottledRequests(settings.maxThrottlingRetries())
                        .setMaxRetryWaitTime(settings.maxThrottlingWait()))
                .clientTelemetryConfig(new CosmosClientTelemetryConfig().diagnosticsHandler(new ThrottlingDiagnostics(metrics)));
        if (settings.key() != null) {
            builder.key(settings.key());
        } else {
            builder.credential(new DefaultAzureCredentialBuilder().build());
        }
        if (settings.directMode()) {
            builder.directMode();
        } else {
            builder.gatewayMode();
        }
        CosmosClient client = null;
        try {
            client = builder.buildClient();
            if (settings.createMissing()) {
                client.createDatabaseIfNotExists(settings.databaseName());
            } else {
                CosmosDatabase existing = client.getDatabase(settings.databaseName());
                requireExists(existing::read, "database " + settings.databaseName());
            }
            return new CosmosDocumentStore(client, client.getDatabase(settings.databaseName()), settings.createMissing());
        } catch (DatabaseException e) {
            client.close();
            throw e;
        } catch (CosmosException | IllegalArgumentException | IllegalStateException e) {
            if (client != null) {
                client.close();
            }
            throw new DatabaseException("cannot open Cosmos DB database " + settings.databaseName() + " at " + settings.endpoint()
                    + ": " + e.getMessage(), e);
        }
    }

    @Override
    public DocumentContainer container(ContainerSpec spec) {
        return containers.computeIfAbsent(spec.name(), name -> {
            CosmosContainerProperties properties = new CosmosContainerProperties(name, spec.partitionKeyPath());
            if (!spec.uniqueKeyPaths().isEmpty()) {
                properties.setUniqueKeyPolicy(new UniqueKeyPolicy().setUniqueKeys(
                        spec.uniqueKeyPaths().stream().map(path -> new UniqueKey(List.of(path))).toList()));
            }
            if (spec.timeToLive()) {
                properties.setDefaultTimeToLiveInSeconds(-1); // on, with each document's ttl field deciding
            }
            if (createMissing) {
                try {
                    database.createContainerIfNotExists(properties);
                } catch (CosmosException e) {
                    throw new DatabaseException("cannot create container " + name + ": " + e.getMessage(), e);
                }
            } else {
                CosmosContainerProperties existing = requireExists(() -> database.getContainer(name).read().getProperties(), "container " + name);
                List<String> paths = existing.getPartitionKeyDefinition().getPaths();
                if (!paths.equals(List.of(spec.partitionKeyPath()))) {
                    throw new DatabaseException("Cosmos DB container " + name + " is partitioned by " + paths + ", not " + spec.partitionKeyPath()
                            + " as the RP reads it: create it as deploy/cosmos.json does");
                }
            }
            return new CosmosDocumentContainer(database.getContainer(name), spec);
        });
    }

    /** What must exist because the RP may not create it (an identity's data-plane role manages no databases or containers). */
    private static <T> T requireExists(Supplier<T> read, String what) {
        try {
            return read.get();
        } catch (CosmosException e) {
            if (e.getStatusCode() == 404) {
                throw new DatabaseException("Cosmos DB " + what + " does not exist, and the RP, which authenticates with its identity, may not "
                        + "create it: create it as deploy/cosmos.json does (docs/operations.md)", e);
            }
            throw e;
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
