package io.aro.rp;

import io.aro.rp.backend.Backend;
import io.aro.rp.backend.BackendSettings;
import io.aro.rp.cloud.ClusterCloud;
import io.aro.rp.cloud.SimulatedCloud;
import io.aro.rp.cloud.azure.AzureCloudSettings;
import io.aro.rp.cloud.azure.AzureClusterCloud;
import io.aro.rp.cloud.azure.ClientSecretServicePrincipals;
import io.aro.rp.cloud.azure.ResourceProviderIdentity;
import io.aro.rp.config.RpConfiguration;
import io.aro.rp.database.Database;
import io.aro.rp.database.DocumentStore;
import io.aro.rp.database.LeaseSettings;
import io.aro.rp.database.PreconditionRetry;
import io.aro.rp.database.SecretCipher;
import io.aro.rp.database.cosmos.CosmosDocumentStore;
import io.aro.rp.database.cosmos.CosmosSettings;
import io.aro.rp.database.embedded.EmbeddedDocumentStore;
import io.aro.rp.frontend.Frontend;
import io.aro.rp.frontend.FrontendSettings;
import io.aro.rp.frontend.SkipTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One RP process: the database, and the frontend, the backend or both, started and stopped together. */
public final class ResourceProvider implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ResourceProvider.class);

    /** What a process runs. */
    public enum Role {
        FRONTEND, BACKEND, ALL
    }

    private final RpConfiguration config;
    private final Database database;
    private final Frontend frontend;
    private final Backend backend;

    private ResourceProvider(RpConfiguration config, Database database, Frontend frontend, Backend backend) {
        this.config = config;
        this.database = database;
        this.frontend = frontend;
        this.backend = backend;
    }

    public static ResourceProvider start(Role role, RpConfiguration config) {
        Clock clock = Clock.systemUTC();
        MeterRegistry metrics = new SimpleMeterRegistry();
        String keys = config.encryptionKeys() != null ? config.encryptionKeys() : localKey(config.dataDir());
        SecretCipher cipher = SecretCipher.fromBase64(keys);
        String owner = UUID.randomUUID().toString();
        DocumentStore store = config.database().equals("cosmos")
                ? CosmosDocumentStore.open(new CosmosSettings(config.cosmosEndpoint(), config.cosmosKey(), config.cosmosDatabase(), config.cosmosDirect(),
                        config.cosmosEndpointDiscovery(), 9, Duration.ofSeconds(30)), metrics)
                : EmbeddedDocumentStore.open(config.dataDir().resolve("aro-rp.db"), clock, config.embeddedFsync());
        Database database = Database.open(store, cipher, PreconditionRetry.DEFAULT, new LeaseSettings(owner, config.leaseTtl(), clock));
        LOG.atInfo().addKeyValue("role", role).addKeyValue("leaseOwner", owner).log("starting with {}", config);

        Frontend frontend = null;
        if (role != Role.BACKEND) {
            FrontendSettings settings = new FrontendSettings(config.listen(), config.location(), config.managedDomain(),
                    config.installableVersions(), config.defaultVersion(), 10, Duration.ofSeconds(10));
            frontend = Frontend.start(settings, database, new SkipTokens(derive(keys, "aro-rp skip tokens")), metrics, clock, PreconditionRetry.DEFAULT);
            LOG.atInfo().addKeyValue("uri", frontend.uri()).log("frontend listening");
        }
        Backend backend = null;
        if (role != Role.FRONTEND) {
            SimulatedCloud simulated = new SimulatedCloud(config.dataDir().resolve("simulated-cloud"), config.simulatedStepDelay());
            ClusterCloud cloud = simulated;
            if (config.cloud().equals("azure")) {
                AzureCloudSettings azure = AzureCloudSettings.from(config.azure());
                cloud = new AzureClusterCloud(ResourceProviderIdentity.credential(config.azure()), new ClientSecretServicePrincipals(azure), azure);
                LOG.atWarn().addKeyValue("resourceManager", azure.resourceManagerEndpoint())
                        .log("the backend drives Azure; the in-cluster OpenShift installation is SIMULATED (see docs/azure.md)");
            } else {
                LOG.warn("the backend drives a SIMULATED cloud in {}: nothing is created on Azure", config.dataDir().resolve("simulated-cloud"));
            }
            backend = Backend.start(database, cloud, simulated, new BackendSettings(config.pollInterval(), config.workers(), config.heartbeat(),
                    config.shutdownGrace(), Duration.ofMinutes(10), 5, 5), clock, metrics);
        }
        return new ResourceProvider(config, database, frontend, backend);
    }

    /** Where the frontend listens, or null in a backend process. */
    public Frontend frontend() {
        return frontend;
    }

    /**
     * Stops gracefully (SIGTERM): the frontend fails readiness, waits for load balancers to notice, the
     * backend stops taking work and gives back what is not done within its grace period, then all closes.
     */
    @Override
    public void close() {
        LOG.info("stopping");
        if (frontend != null) {
            frontend.stopAccepting();
            sleep(config.readinessDelay());
        }
        if (backend != null) {
            backend.close();
        }
        if (frontend != null) {
            frontend.close();
        }
        database.close();
        LOG.info("stopped");
    }

    /** The local run's encryption key: generated once in the data directory, readable by its owner only. */
    private static String localKey(Path dataDir) {
        Path file = dataDir.resolve("encryption.key");
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(file)) {
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, SecretCipher.newKey());
                } catch (FileAlreadyExistsException e) {
                    // another process of this machine made it first
                } catch (UnsupportedOperationException e) {
                    Files.writeString(file, SecretCipher.newKey());
                }
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the encryption key " + file, e);
        }
    }

    /** A key for another purpose derived from the current encryption key (HMAC-SHA256), so that every instance agrees on it. */
    private static byte[] derive(String keys, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(keys.split(",")[0].strip()), "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
