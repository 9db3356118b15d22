package io.aro.rp.database.cosmos;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach Cosmos DB.
 *
 * @param endpoint the account's endpoint, for example {@code https://myaccount.documents.azure.com:443/}
 * @param key the account key, or null to authenticate with the RP's Azure identity (DefaultAzureCredential)
 * @param databaseName the database that holds the RP's containers
 * @param directMode whether to use direct (TCP) connectivity instead of the HTTPS gateway
 * @param endpointDiscovery whether to discover the account's regional endpoints (off for emulators and test servers)
 * @param maxThrottlingRetries how often the SDK retries a throttled (429) request before failing it
 * @param maxThrottlingWait the longest the SDK waits across the retries of one throttled request
 * @param createMissing whether the RP creates the database and its containers when absent: with the
 *     account key it can; with an identity it cannot (Cosmos DB's data-plane RBAC manages no databases
 *     or containers), so they must exist, as deploy/ creates them, and the RP checks that they do
 */
public record CosmosSettings(String endpoint, String key, String databaseName, boolean directMode, boolean endpointDiscovery,
        int maxThrottlingRetries, Duration maxThrottlingWait, boolean createMissing) {

    public CosmosSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(databaseName, "databaseName");
        Objects.requireNonNull(maxThrottlingWait, "maxThrottlingWait");
    }

    @Override
    public String toString() {
        return "CosmosSettings[endpoint=" + endpoint + ", key=" + (key == null ? "none" : "redacted") + ", databaseName=" + databaseName
                + ", directMode=" + directMode + ", endpointDiscovery=" + endpointDiscovery + ", maxThrottlingRetries=" + maxThrottlingRetries
                + ", maxThrottlingWait=" + maxThrottlingWait + ", createMissing=" + createMissing + "]";
    }
}
