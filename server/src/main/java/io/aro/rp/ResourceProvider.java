package io.aro.rp;

import com.azure.core.credential.TokenCredential;
import com.azure.security.keyvault.secrets.SecretClientBuilder;
import io.aro.rp.backend.Backend;
import io.aro.rp.backend.BackendSettings;
import io.aro.rp.cloud.SimulatedCloud;
import io.aro.rp.cloud.SimulatedInstaller;
import io.aro.rp.cloud.SimulatedResources;
import io.aro.rp.cloud.azure.AzureCloudSettings;
import io.aro.rp.cloud.azure.AzureClusterCloud;
import io.aro.rp.cloud.azure.AzureWorkloadIdentityCloud;
import io.aro.rp.cloud.azure.ClientSecretServicePrincipals;
import io.aro.rp.cloud.azure.ManagedIdentityDataPlane;
import io.aro.rp.cloud.azure.ResourceProviderIdentity;
import io.aro.rp.cloud.azure.WorkloadIdentitySettings;
import io.aro.rp.cloud.hive.HiveClients;
import io.aro.rp.cloud.hive.HiveInstaller;
import io.aro.rp.cloud.openshift.OpenShiftApiServer;
import io.aro.rp.config.AzureConfiguration;
import io.aro.rp.config.CloudKind;
import io.aro.rp.config.DatabaseKind;
import io.aro.rp.config.EdgeConfiguration;
import io.aro.rp.config.PlatformWorkloadIdentityRoleSetSeed;
import io.aro.rp.config.RpConfiguration;
import io.aro.rp.database.Database;
import io.aro.rp.database.DocumentStore;
import io.aro.rp.database.LeaseSettings;
import io.aro.rp.database.MeteredDocumentStore;
import io.aro.rp.database.PreconditionRetry;
import io.aro.rp.database.SecretCipher;
import io.aro.rp.database.cosmos.CosmosDocumentStore;
import io.aro.rp.database.cosmos.CosmosSettings;
import io.aro.rp.database.embedded.EmbeddedDocumentStore;
import io.aro.rp.frontend.CallerAuthentication;
import io.aro.rp.frontend.Frontend;
import io.aro.rp.frontend.FrontendSecurity;
import io.aro.rp.frontend.FrontendSettings;
import io.aro.rp.frontend.SkipTokens;
import io.aro.rp.frontend.tls.ArmClientCertificates;
import io.aro.rp.frontend.tls.CertificateSource;
import io.aro.rp.frontend.tls.ClientAuthorizer;
import io.aro.rp.frontend.tls.KeyVaultCertificate;
import io.aro.rp.frontend.tls.PemFiles;
import io.aro.rp.frontend.tls.ServerCertificate;
import io.aro.rp.frontend.tls.SubjectNameAndIssuer;
import io.aro.rp.management.DatabaseProbe;
import io.aro.rp.management.ManagementServer;
import io.aro.rp.management.ProcessMetrics;
import io.aro.rp.management.Tracing;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
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
    /** What the frontend's security keeps running: certificate reloads, ARM metadata refreshes. */
    private final List<AutoCloseable> edge;

    private final ProcessMetrics metrics;
    private final Tracing tracing;
    private final CompletableFuture<Void> failed;
    private ManagementServer management;
    private volatile boolean stopping;

    private ResourceProvider(RpConfiguration config, Database database, Frontend frontend, Backend backend, List<AutoCloseable> edge,
            ProcessMetrics metrics, Tracing tracing, CompletableFuture<Void> failed) {
        this.config = config;
        this.database = database;
        this.frontend = frontend;
        this.backend = backend;
        this.edge = edge;
        this.metrics = metrics;
        this.tracing = tracing;
        this.failed = failed;
    }

    public static ResourceProvider start(Role role, RpConfiguration config) {
        Clock clock = Clock.systemUTC();
        ProcessMetrics processMetrics = new ProcessMetrics();
        Tracing tracing = config.otlpEndpoint() == null ? Tracing.off() : Tracing.otlp(config.otlpEndpoint());
        MeterRegistry metrics = processMetrics.registry();
        String keys = config.encryptionKeys() != null ? config.encryptionKeys() : localKey(config.dataDir());
        SecretCipher cipher = SecretCipher.fromBase64(keys);
        String owner = UUID.randomUUID().toString();
        CompletableFuture<Void> failed = new CompletableFuture<>();
        DocumentStore store = config.database() == DatabaseKind.COSMOS
                ? CosmosDocumentStore.open(new CosmosSettings(config.cosmosEndpoint(), config.cosmosKey(), config.cosmosDatabase(), config.cosmosDirect(),
                        config.cosmosEndpointDiscovery(), config.cosmosThrottlingRetries(), config.cosmosThrottlingWait(), config.cosmosKey() != null), metrics)
                : EmbeddedDocumentStore.open(config.dataDir().resolve("aro-rp.db"), clock, config.embeddedFsync(), failed::completeExceptionally);
        Database database = Database.open(new MeteredDocumentStore(store, metrics), cipher, PreconditionRetry.DEFAULT, new LeaseSettings(owner, config.leaseTtl(), clock));
        // Seeding runs beside the frontend's build, the longest part of a start; both end before anything is served.
        CompletableFuture<Void> seeded = CompletableFuture.runAsync(() -> {
            LOG.atInfo().addKeyValue("role", role).addKeyValue("leaseOwner", owner).log("starting with {}", config);
            database.openShiftVersions().seed(config.installableVersions(), config.defaultVersion());
            database.platformWorkloadIdentityRoleSets().seed(PlatformWorkloadIdentityRoleSetSeed.read(config.roleSets()));
        });

        boolean azure = config.cloud() == CloudKind.AZURE;
        AzureClusterCloud azureCloud = azure ? azureCloud(config) : null;
        SimulatedResources simulated = azure ? null : new SimulatedResources(config.dataDir().resolve("simulated-cloud"));
        SimulatedCloud simulatedCloud = azure ? null : new SimulatedCloud(simulated, config.simulatedStepDelay());

        List<AutoCloseable> edge = new ArrayList<>();
        Frontend frontend = null;
        if (role != Role.BACKEND) {
            FrontendSettings settings = new FrontendSettings(config.listen(), config.location(), config.managedDomain(), config.pageSize(), config.cacheTtl(),
                    config.retryAfter(), config.httpLimits());
            frontend = Frontend.build(settings, security(config, clock, edge), database, new SkipTokens(derive(keys, "aro-rp skip tokens")),
                    azure ? azureCloud : simulatedCloud, metrics, tracing, clock, PreconditionRetry.DEFAULT);
            await(seeded);
            frontend.listen();
            LOG.atInfo().addKeyValue("uri", frontend.uri()).log("frontend listening");
        }
        await(seeded);
        Backend backend = null;
        if (role != Role.FRONTEND) {
            Backend.Installation installation;
            if (azure) {
                HiveInstaller hive = new HiveInstaller(HiveClients.connect(config.hiveKubeconfig()), config.azure().cloudName());
                hive.verify();
                LOG.atInfo().addKeyValue("hiveKubeconfig", config.hiveKubeconfig()).log("the backend drives Azure and installs clusters through Hive");
                installation = new Backend.Installation(azureCloud, workloadIdentityCloud(config), hive, new OpenShiftApiServer(Duration.ofSeconds(30)));
            } else {
                SimulatedInstaller installer = new SimulatedInstaller(simulated, config.simulatedStepDelay());
                LOG.warn("the backend drives a SIMULATED cloud and installer in {}: nothing is created on Azure",
                        config.dataDir().resolve("simulated-cloud"));
                installation = new Backend.Installation(simulatedCloud, simulatedCloud, installer, installer);
            }
            backend = Backend.start(database, installation, new BackendSettings(config.pollInterval(), config.workers(), config.heartbeat(),
                    config.shutdownGrace(), config.subscriptionRetryDelay(), config.maxDequeues(), config.transientRetries(), config.installPollInterval(),
                    config.installTimeout()), clock, metrics, tracing.tracer());
        }
        ResourceProvider rp = new ResourceProvider(config, database, frontend, backend, edge, processMetrics, tracing, failed);
        processMetrics.awaitJvmMeters();
        if (config.managementListen() != null) {
            DatabaseProbe probe = new DatabaseProbe(database, clock, Duration.ofSeconds(5));
            Frontend served = frontend;
            rp.management = ManagementServer.start(config.managementListen(), processMetrics.registry(),
                    () -> !rp.stopping && (served == null || served.isReady()) && probe.reachable());
        }
        return rp;
    }

    /** Waits for {@code step}, and throws what it threw. */
    private static void await(CompletableFuture<Void> step) {
        try {
            step.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Azure through ARM as the RP's identity: nothing simulated. */
    private static AzureClusterCloud azureCloud(RpConfiguration config) {
        AzureCloudSettings azure = AzureCloudSettings.from(config.azure(), config.managedDomain());
        LOG.atInfo().addKeyValue("resourceManager", azure.resourceManagerEndpoint()).log("driving Azure");
        return new AzureClusterCloud(ResourceProviderIdentity.credential(config.azure()), new ClientSecretServicePrincipals(azure), azure);
    }

    /** Managed identity clusters' Azure side: without its settings the RP installs only service principal clusters. */
    private static AzureWorkloadIdentityCloud workloadIdentityCloud(RpConfiguration config) {
        AzureConfiguration azure = config.azure();
        TokenCredential rp = ResourceProviderIdentity.credential(azure);
        AzureCloudSettings settings = AzureCloudSettings.from(azure, config.managedDomain());
        if (!azure.workloadIdentity()) {
            LOG.warn("ARO_OIDC_BLOB_ENDPOINT is not set: managed identity clusters will fail to install");
            return new AzureWorkloadIdentityCloud(rp, null, settings, null);
        }
        return new AzureWorkloadIdentityCloud(rp, new ManagedIdentityDataPlane(rp, azure.msiDataPlaneAudience()), settings,
                new WorkloadIdentitySettings(azure.oidcBlobEndpoint(), azure.oidcIssuerEndpoint(), azure.msiDataPlaneAudience()));
    }

    /**
     * The listener's security: plain HTTP (127.0.0.1 only, as the configuration enforces), or HTTPS with the
     * certificate from files or Key Vault, ARM recognised by its metadata or a CA, and SREs by theirs.
     */
    private static FrontendSecurity security(RpConfiguration config, Clock clock, List<AutoCloseable> running) {
        EdgeConfiguration edge = config.edge();
        if (!edge.tls()) {
            return FrontendSecurity.plain();
        }
        CertificateSource source = edge.tlsCert() != null ? new PemFiles(edge.tlsCert(), edge.tlsKey())
                : new KeyVaultCertificate(new SecretClientBuilder().vaultUrl(edge.keyVaultUri().toString())
                        .credential(ResourceProviderIdentity.credential(config.azure())).buildClient(), edge.tlsCertificateName());
        ServerCertificate certificate = ServerCertificate.start(source, edge.tlsReloadInterval());
        running.add(certificate);
        if (!edge.armAuthentication()) {
            return new FrontendSecurity(certificate, CallerAuthentication.none());
        }
        ClientAuthorizer arm;
        if (edge.armMetadataUrl() != null) {
            ArmClientCertificates metadata = new ArmClientCertificates(edge.armMetadataUrl(),
                    HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build(), clock,
                    edge.armMetadataRefresh(), Duration.ofMinutes(1)).start();
            running.add(metadata);
            arm = metadata;
        } else {
            arm = SubjectNameAndIssuer.fromFile(edge.armClientCa(), edge.armClientCn());
        }
        ClientAuthorizer admin = edge.adminClientCa() == null ? ClientAuthorizer.refuseAll()
                : SubjectNameAndIssuer.fromFile(edge.adminClientCa(), edge.adminClientCn());
        return new FrontendSecurity(certificate, CallerAuthentication.of(arm, admin));
    }

    /** The management listener (metrics and probes), or null when ARO_MANAGEMENT_LISTEN is empty. */
    public ManagementServer management() {
        return management;
    }

    /** Where the frontend listens, or null in a backend process. */
    public Frontend frontend() {
        return frontend;
    }

    /**
     * Completes exceptionally when a part of the RP failed beyond repair in this process (the embedded store
     * closed itself): the process should stop, and a new one take over.
     */
    public CompletionStage<Void> failure() {
        return failed;
    }

    /**
     * Stops gracefully (SIGTERM): the frontend fails readiness, waits for load balancers to notice, the
     * backend stops taking work and gives back what is not done within its grace period, then all closes.
     */
    @Override
    public void close() {
        LOG.info("stopping");
        stopping = true;
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
        for (AutoCloseable running : edge) {
            try {
                running.close();
            } catch (Exception e) {
                LOG.warn("cannot stop {}: {}", running, e.getMessage());
            }
        }
        database.close();
        if (management != null) {
            management.close();
        }
        metrics.close();
        tracing.close();
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
