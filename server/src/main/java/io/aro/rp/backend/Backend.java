package io.aro.rp.backend;

import io.aro.rp.api.OpenShiftVersion;
import io.aro.rp.api.PlatformWorkloadIdentityRoleSet;
import io.aro.rp.api.ProvisioningState;
import io.aro.rp.cloud.ClusterApiServer;
import io.aro.rp.cloud.ClusterCloud;
import io.aro.rp.cloud.OpenShiftInstaller;
import io.aro.rp.cloud.WorkloadIdentityCloud;
import io.aro.rp.database.ClusterOperation;
import io.aro.rp.database.Database;
import io.aro.rp.database.OpenShiftClusterDocument;
import io.aro.rp.database.SubscriptionDocument;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backend: polls the database for clusters with work and deleted subscriptions, takes each under a
 * lease and works on it in a pool of workers, renewing every lease by heartbeat. Any number of backend
 * processes can share a database; a lease makes each cluster one worker's at a time, and a crashed
 * worker's lease expires so that another continues.
 */
public final class Backend implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Backend.class);
    /** How many waiting clusters a count reads at most: beyond, the gauge shows this many. */
    private static final int WAITING_COUNT_LIMIT = 1000;

    private final Database database;
    private final BackendSettings settings;
    private final ClusterOperation operation;
    private final BackendTelemetry telemetry;
    private final Map<ProvisioningState, Reconciler> reconcilers;
    private final ExecutorService pool;
    private final ScheduledExecutorService heartbeats;
    private final Semaphore slots;
    private final Set<Worker> running = ConcurrentHashMap.newKeySet();
    private final Thread loop;
    private volatile boolean dequeuing = true;

    private Backend(Database database, Installation installation, BackendSettings settings, Clock clock, MeterRegistry metrics, Tracer tracer) {
        this.database = database;
        this.settings = settings;
        this.operation = new ClusterOperation(database.openShiftClusters(), database.asyncOperations(), clock, metrics);
        this.telemetry = new BackendTelemetry(metrics, tracer);
        this.reconcilers = reconcilers(installation, database.openShiftVersions()::get, database.platformWorkloadIdentityRoleSets()::get, settings, clock);
        this.pool = Executors.newFixedThreadPool(settings.workers(), named("backend-worker"));
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(named("backend-heartbeat"));
        this.slots = new Semaphore(settings.workers());
        this.loop = named("backend-dequeue").newThread(this::dequeueLoop);
        Gauge.builder("aro.backend.workers.active", running, Set::size).description("Documents this backend works on").register(metrics);
    }

    /**
     * What a backend installs clusters with.
     *
     * @param cloud the Azure resources the RP owns
     * @param workloadIdentity what managed identity clusters need from Azure
     * @param installer Hive, which installs OpenShift
     * @param apiServer the installed clusters' API servers
     */
    public record Installation(ClusterCloud cloud, WorkloadIdentityCloud workloadIdentity, OpenShiftInstaller installer, ClusterApiServer apiServer) {
    }

    /**
     * The state machine: what each non-terminal state of a cluster does.
     *
     * @param versions the images of an OpenShift version; {@code roleSets} the role set of an OpenShift minor version
     */
    static Map<ProvisioningState, Reconciler> reconcilers(Installation installation, Function<String, Optional<OpenShiftVersion>> versions,
            Function<String, Optional<PlatformWorkloadIdentityRoleSet>> roleSets, BackendSettings settings, Clock clock) {
        ClusterSteps steps = new ClusterSteps(installation.cloud(), installation.workloadIdentity(), installation.installer(), installation.apiServer(),
                roleSets);
        return Map.of(
                ProvisioningState.CREATING, new ClusterInstall(steps, versions, settings, clock),
                ProvisioningState.UPDATING, new ClusterUpdate(steps),
                ProvisioningState.ADMIN_UPDATING, new ClusterAdminUpdate(steps),
                ProvisioningState.DELETING, new ClusterDeletion(steps));
    }

    /** Starts polling for work. */
    public static Backend start(Database database, Installation installation, BackendSettings settings, Clock clock, MeterRegistry metrics,
            Tracer tracer) {
        Backend backend = new Backend(database, installation, settings, clock, metrics, tracer);
        backend.loop.start();
        // The queue's length by state, for operators: a bounded read every minute, beside the heartbeats.
        backend.heartbeats.scheduleWithFixedDelay(backend::countWaiting, 0, 60, TimeUnit.SECONDS);
        LOG.atInfo().addKeyValue("workers", settings.workers()).log("backend started");
        return backend;
    }

    private void dequeueLoop() {
        while (dequeuing) {
            try {
                if (!slots.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                    continue;
                }
                Worker worker = nextWork();
                if (worker == null) {
                    slots.release();
                    database.openShiftClusters().awaitWork(settings.pollInterval());
                    continue;
                }
                submit(worker);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                slots.release();
                LOG.warn("cannot dequeue work: {}", e.getMessage());
                sleepQuietly();
            }
        }
    }

    private void countWaiting() {
        try {
            telemetry.waiting(database.openShiftClusters().waiting(WAITING_COUNT_LIMIT).stream()
                    .collect(Collectors.groupingBy(d -> d.getOpenShiftCluster().getProperties().getProvisioningState(), Collectors.counting())));
        } catch (RuntimeException e) {
            LOG.warn("cannot count the clusters waiting for a worker: {}", e.getMessage());
        }
    }

    private Worker nextWork() {
        Optional<OpenShiftClusterDocument> cluster = database.openShiftClusters().dequeue();
        if (cluster.isPresent()) {
            telemetry.taken("cluster", cluster.get());
            return new ClusterWorker(database.openShiftClusters(), operation, reconcilers, settings, cluster.get(), telemetry);
        }
        Optional<SubscriptionDocument> subscription = database.subscriptions().dequeue();
        subscription.ifPresent(s -> telemetry.taken("subscription", s));
        return subscription.map(s -> new SubscriptionDeletion(database.subscriptions(), database.openShiftClusters(), operation,
                settings.subscriptionRetryDelay(), s)).orElse(null);
    }

    private void submit(Worker worker) {
        long beat = settings.heartbeat().toMillis();
        ScheduledFuture<?> heartbeat = worker instanceof ClusterWorker cw
                ? heartbeats.scheduleAtFixedRate(cw::renewLease, beat, beat, TimeUnit.MILLISECONDS)
                : null;
        running.add(worker);
        pool.execute(() -> {
            try {
                worker.run();
            } finally {
                if (heartbeat != null) {
                    heartbeat.cancel(false);
                }
                running.remove(worker);
                slots.release();
            }
        });
    }

    /**
     * Stops taking work, lets running steps finish within the grace period, then cancels what still runs
     * and hands those clusters back, so that no lease outlives the grace period.
     */
    @Override
    public void close() {
        dequeuing = false;
        loop.interrupt();
        try {
            loop.join(settings.pollInterval().toMillis() + 5_000);
            pool.shutdown();
            if (!pool.awaitTermination(settings.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.atInfo().addKeyValue("workers", running.size()).log("grace period over: handing running work back");
                running.forEach(w -> {
                    if (w instanceof ClusterWorker cw) {
                        cw.stop();
                    } else {
                        w.cancel("the backend is stopping");
                    }
                });
                pool.awaitTermination(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pool.shutdownNow();
            heartbeats.shutdownNow();
        }
        LOG.info("backend stopped");
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(settings.pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Daemon threads named name-1, name-2, ... */
    private static ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
