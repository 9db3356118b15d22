package io.aro.rp.backend;

import io.aro.rp.api.OpenShiftVersion;
import io.aro.rp.api.ProvisioningState;
import io.aro.rp.cloud.ClusterApiServer;
import io.aro.rp.cloud.ClusterAzureResources;
import io.aro.rp.cloud.ClusterCloud;
import io.aro.rp.cloud.OpenShiftInstaller;
import io.aro.rp.cloud.SimulatedCloud;
import io.aro.rp.cloud.SimulatedResources;
import io.aro.rp.cloud.WorkloadIdentityCloud;
import io.aro.rp.config.PlatformWorkloadIdentityRoleSetSeed;
import io.aro.rp.database.Database;
import io.aro.rp.database.DocumentStore;
import io.aro.rp.database.LeaseSettings;
import io.aro.rp.database.OpenShiftClusterDocument;
import io.aro.rp.database.PreconditionRetry;
import io.aro.rp.database.SecretCipher;
import io.aro.rp.frontend.Frontend;
import io.aro.rp.frontend.FrontendHarness;
import io.aro.rp.frontend.FrontendSecurity;
import io.aro.rp.frontend.FrontendSettings;
import io.aro.rp.frontend.SkipTokens;
import io.aro.rp.management.Tracing;
import io.aro.rp.testing.FaultInjectingCloud;
import io.aro.rp.testing.Http;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A frontend and any number of backends in one JVM over one store, with a simulated cloud and installer
 * per backend over one shared directory: as several RP processes sharing a database, Azure and Hive.
 */
public final class LifecycleHarness implements AutoCloseable {
    static final Duration TTL = Duration.ofSeconds(60);
    public static final String KEYS = SecretCipher.newKey();
    /** How often a backend looks at an installation in progress. */
    static final Duration INSTALL_POLL = Duration.ofSeconds(1);
    static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(60);
    /** The frontend's ARO_RETRY_AFTER. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    /** The spans the frontend and every backend of this harness ended. */
    final InMemorySpanExporter spans = InMemorySpanExporter.create();
    final Tracing tracing = Tracing.exportingTo(spans);
    public final DocumentStore store;
    final Clock clock;
    final Path cloudDir;
    final SimulatedResources resources;
    public final Database database;
    final Frontend frontend;
    public final Http http;
    final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final List<Backend> backends = new ArrayList<>();

    public LifecycleHarness(DocumentStore store, Clock clock, Path cloudDir) {
        this(store, clock, cloudDir, null);
    }

    /** With the admin API acting on {@code azure} (null: the simulated cloud). */
    LifecycleHarness(DocumentStore store, Clock clock, Path cloudDir, ClusterAzureResources azure) {
        this.store = store;
        this.clock = clock;
        this.cloudDir = cloudDir;
        this.resources = new SimulatedResources(cloudDir);
        this.database = database("frontend");
        database.openShiftVersions().seed(FrontendHarness.VERSIONS.stream().map(OpenShiftVersion::withDefaultPullspecs).toList(), "4.14.38");
        database.platformWorkloadIdentityRoleSets().seed(PlatformWorkloadIdentityRoleSetSeed.read(null));
        frontend = Frontend.start(new FrontendSettings(URI.create("http://127.0.0.1:0/"), FrontendHarness.LOCATION, "eastus.aroapp.io", 10,
                Duration.ZERO, RETRY_AFTER), FrontendSecurity.plain(), database, new SkipTokens(new byte[32]),
                azure != null ? azure : new SimulatedCloud(resources, Duration.ZERO), metrics,
                tracing, clock, PreconditionRetry.DEFAULT);
        http = new Http(frontend.uri());
    }

    /** A process's view of the database: its own lease owner. */
    Database database(String owner) {
        return Database.open(store, SecretCipher.fromBase64(KEYS), PreconditionRetry.DEFAULT, new LeaseSettings(owner, TTL, clock));
    }

    /** A simulated cloud and installer of its own (for faults) over the shared directory. */
    public FaultInjectingCloud cloud() {
        return new FaultInjectingCloud(resources);
    }

    /** A backend process: its own lease owner, cloud and metrics. */
    Backend backend(String owner, FaultInjectingCloud cloud, int workers, Duration heartbeat, Duration grace) {
        return backend(owner, cloud, cloud, cloud, cloud, workers, heartbeat, grace);
    }

    Backend backend(String owner, ClusterCloud cloud, WorkloadIdentityCloud workloadIdentity, OpenShiftInstaller installer, ClusterApiServer apiServer,
            int workers, Duration heartbeat, Duration grace) {
        Backend backend = Backend.start(database(owner), new Backend.Installation(cloud, workloadIdentity, installer, apiServer),
                new BackendSettings(Duration.ofMillis(50), workers, heartbeat, grace, Duration.ofSeconds(1), 5, 3, INSTALL_POLL, INSTALL_TIMEOUT),
                clock, new SimpleMeterRegistry(), tracing.tracer());
        backends.add(backend);
        return backend;
    }

    public Backend backend(String owner, FaultInjectingCloud cloud) {
        return backend(owner, cloud, 4, Duration.ofMillis(200), Duration.ofSeconds(2));
    }

    /**
     * A backend whose one worker, once stuck, stands for a crashed process: it never renews its lease
     * (an hour's heartbeat) and never takes other work (its only slot is taken).
     */
    Backend crashingBackend(String owner, FaultInjectingCloud cloud) {
        return backend(owner, cloud, 1, Duration.ofHours(1), Duration.ZERO);
    }

    public Optional<OpenShiftClusterDocument> cluster(String resourceId) {
        return database.openShiftClusters().get(resourceId);
    }

    public ProvisioningState state(String resourceId) {
        return cluster(resourceId).map(d -> d.getOpenShiftCluster().getProperties().getProvisioningState()).orElse(null);
    }

    /** Waits up to {@code timeout} for {@code condition}. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        backends.forEach(Backend::close);
        frontend.close();
        store.close();
        tracing.close();
    }
}
