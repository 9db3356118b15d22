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

/** The production store: Azure Cosmos DB (SQL API) through the azure-cosmos SDK. */
public final class CosmosDocumentStore implements DocumentStore {
    private final CosmosClient client;
    private final CosmosDatabase database;
    private final Map<String, DocumentContainer> containers = new ConcurrentHashMap<>();

    private CosmosDocumentStore(CosmosClient client, CosmosDatabase database) {
        this.client = client;
        this.database = database;
    }

    /**
     * Connects, and creates the database when it does not exist.
     *
     * @throws DatabaseException when Cosmos DB cannot be reached or refuses the RP
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
            client.createDatabaseIfNotExists(settings.databaseName());
            return new CosmosDocumentStore(client, client.getDatabase(settings.databaseName()));
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
            try {
                database.createContainerIfNotExists(properties);
            } catch (CosmosException e) {
                throw new DatabaseException("cannot create container " + name + ": " + e.getMessage(), e);
            }
            return new CosmosDocumentContainer(database.getContainer(name), spec);
        });
    }

    @Override
    public void close() {
        client.close();
    }
}
