package io.aro.rp;

import io.aro.rp.backend.Backend;
import io.aro.rp.backend.BackendSettings;
import io.aro.rp.backend.OpenShiftVersions;
import io.aro.rp.cloud.ClusterCloud;
import io.aro.rp.cloud.SimulatedCloud;
import io.aro.rp.cloud.SimulatedInstaller;
import io.aro.rp.cloud.SimulatedResources;
import io.aro.rp.cloud.hive.HiveClients;
import io.aro.rp.cloud.hive.HiveInstaller;
import io.aro.rp.cloud.openshift.OpenShiftApiServer;
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
                    config.installableVersionNames(), config.defaultVersion(), 10, Duration.ofSeconds(10));
            frontend = Frontend.start(settings, database, new SkipTokens(derive(keys, "aro-rp skip tokens")), metrics, clock, PreconditionRetry.DEFAULT);
            LOG.atInfo().addKeyValue("uri", frontend.uri()).log("frontend listening");
        }
        Backend backend = null;
        if (role != Role.FRONTEND) {
            Backend.Installation installation = config.cloud().equals("azure") ? azure(config) : simulated(config);
            backend = Backend.start(database, installation, new BackendSettings(config.pollInterval(), config.workers(), config.heartbeat(),
                    config.shutdownGrace(), Duration.ofMinutes(10), 5, 5, config.installPollInterval(), config.installTimeout()), clock, metrics);
        }
        return new ResourceProvider(config, database, frontend, backend);
    }

    /** Azure through ARM as the RP's identity, and Hive on its management cluster: nothing simulated. */
    private static Backend.Installation azure(RpConfiguration config) {
        AzureCloudSettings azure = AzureCloudSettings.from(config.azure(), config.managedDomain());
        ClusterCloud cloud = new AzureClusterCloud(ResourceProviderIdentity.credential(config.azure()), new ClientSecretServicePrincipals(azure), azure);
        HiveInstaller hive = new HiveInstaller(HiveClients.connect(config.hiveKubeconfig()), config.azure().cloudName());
        hive.verify();
        LOG.atInfo().addKeyValue("resourceManager", azure.resourceManagerEndpoint()).addKeyValue("hiveKubeconfig", config.hiveKubeconfig())
                .log("the backend drives Azure and installs clusters through Hive");
        return new Backend.Installation(cloud, hive, new OpenShiftApiServer(Duration.ofSeconds(30)), versions(config));
    }

    /** The local default: a SIMULATED Azure and Hive in the data directory. */
    private static Backend.Installation simulated(RpConfiguration config) {
        Path directory = config.dataDir().resolve("simulated-cloud");
        SimulatedResources resources = new SimulatedResources(directory);
        SimulatedInstaller installer = new SimulatedInstaller(resources, config.simulatedStepDelay());
        LOG.warn("the backend drives a SIMULATED cloud and installer in {}: nothing is created on Azure", directory);
        return new Backend.Installation(new SimulatedCloud(resources, config.simulatedStepDelay()), installer, installer, versions(config));
    }

    private static OpenShiftVersions versions(RpConfiguration config) {
        return version -> config.installableVersions().stream().filter(v -> v.version().equals(version)).findFirst();
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
