package io.aro.rp.frontend;

import io.aro.rp.api.ApiVersions;
import io.aro.rp.cloud.ClusterAzureResources;
import io.aro.rp.database.ClusterOperation;
import io.aro.rp.database.Database;
import io.aro.rp.database.PreconditionRetry;
import io.aro.rp.frontend.http.HttpEdge;
import io.aro.rp.management.Tracing;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainer;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The ARM-facing frontend: Jersey on Grizzly serving the generated interfaces of every API version.
 * Stateless: everything it knows is in the database, so any number can run.
 *
 * <p>Production serves HTTPS and lets only ARM call the customer API and SREs the admin API, by their
 * client certificates ({@link FrontendSecurity}); local runs serve plain HTTP on 127.0.0.1.
 */
public final class Frontend implements AutoCloseable {
    private final HttpServer server;
    private final AtomicBoolean ready = new AtomicBoolean(true);
    private final FrontendSettings settings;
    private final ArmRequestFilter requests;
    private final FrontendSecurity security;
    private volatile URI uri;

    private Frontend(HttpServer server, FrontendSettings settings, ArmRequestFilter requests, FrontendSecurity security) {
        this.server = server;
        this.settings = settings;
        this.requests = requests;
        this.security = security;
    }

    /**
     * Starts serving.
     *
     * @param skipTokens seals the continuation tokens of list pages; every instance needs the same key
     */
    public static Frontend start(FrontendSettings settings, FrontendSecurity security, Database database, SkipTokens skipTokens,
            ClusterAzureResources azure, MeterRegistry metrics, Tracing tracing, Clock clock, PreconditionRetry retry) {
        return build(settings, security, database, skipTokens, azure, metrics, tracing, clock, retry).listen();
    }

    /**
     * Builds the frontend's application without listening yet: most of a start's time, which the process can
     * spend while it prepares the database for the first requests.
     *
     * @param skipTokens seals the continuation tokens of list pages; every instance needs the same key
     */
    public static Frontend build(FrontendSettings settings, FrontendSecurity security, Database database, SkipTokens skipTokens,
            ClusterAzureResources azure, MeterRegistry metrics, Tracing tracing, Clock clock, PreconditionRetry retry) {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
        SubscriptionGate gate = new SubscriptionGate(database.subscriptions(), settings.subscriptionCacheTtl());
        AsyncOperationUrls operations = new AsyncOperationUrls(settings.location(), settings.retryAfter());
        ClusterOperation clusterOperation = new ClusterOperation(database.openShiftClusters(), database.asyncOperations(), clock, metrics);
        InstallableVersions versions = new InstallableVersions(database.openShiftVersions(), gate, settings.subscriptionCacheTtl());
        WorkloadIdentityRoleSets roleSets = new WorkloadIdentityRoleSets(database.platformWorkloadIdentityRoleSets(), settings.subscriptionCacheTtl());
        AdminClusters adminClusters = new AdminClusters(database.openShiftClusters(), clusterOperation, operations, skipTokens, settings.pageSize(), retry);
        ApiOperations apiOperations = new ApiOperations(
                new OpenShiftClusterGet(database.openShiftClusters(), gate),
                new OpenShiftClusterList(database.openShiftClusters(), gate, skipTokens, settings.pageSize()),
                new OpenShiftClusterPutOrPatch(database.openShiftClusters(), gate, operations, clusterOperation, settings, versions, roleSets, clock,
                        retry),
                new OpenShiftClusterDelete(database.openShiftClusters(), gate, operations, clusterOperation, retry),
                new OpenShiftClusterCredentials(database.openShiftClusters(), gate),
                versions, roleSets, gate);
        Frontend[] self = new Frontend[1];

        ArmRequestFilter requests = new ArmRequestFilter(settings.location(), security.authentication(), tracing);
        ResourceConfig config = new ResourceConfig()
                .register(JacksonFeature.withoutExceptionMappers())
                .register(FrontendJson.class)
                .register(requests)
                .register(RequestBodyFilter.class)
                .register(new ArmResponseFilter(metrics))
                .register(ExceptionMappers.CloudErrors.class)
                .register(ExceptionMappers.MalformedJson.class)
                .register(ExceptionMappers.WebApplicationExceptions.class)
                .register(ExceptionMappers.Processing.class)
                .register(ExceptionMappers.Transient.class)
                .register(ExceptionMappers.Unexpected.class)
                .registerResources(Set.copyOf(GeneratedRoutes.resources(ApiVersions.all(), apiOperations)))
                .register(new AdminResource(adminClusters, new AdminClusterResources(adminClusters, azure), new AdminVersions(database.openShiftVersions()),
                        new AdminRoleSets(database.platformWorkloadIdentityRoleSets())))
                .register(new AsyncOperationsResource(database.asyncOperations(), database.openShiftClusters(), gate, operations))
                .register(new SubscriptionsResource(database.subscriptions(), gate, retry))
                .register(new HealthResource(() -> self[0] != null && self[0].isReady()))
                .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                // Everything the frontend uses is registered above: looking for more in the META-INF/services of
                // some 150 jars, and starting the features found there, cost 100-150 ms of every start.
                .property(ServerProperties.METAINF_SERVICES_LOOKUP_DISABLE, true)
                .property(ServerProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true)
                .property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);

        HttpServer server = HttpEdge.create(settings.listenUri(), settings.limits(), ContainerFactory.createContainer(GrizzlyHttpContainer.class, config),
                security.isTls() ? security.sslEngineConfigurator() : null);
        self[0] = new Frontend(server, settings, requests, security);
        return self[0];
    }

    /** Starts serving what {@link #build} made. */
    public Frontend listen() {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + settings.listenUri(), e);
        }
        int port = server.getListeners().iterator().next().getPort();
        uri = URI.create(settings.listenUri().getScheme() + "://" + settings.listenUri().getHost() + ":" + port + "/");
        requests.listening(uri);
        return this;
    }

    /** Where the frontend listens (with the real port when the settings asked for port 0). */
    public URI uri() {
        return uri;
    }

    /** Starts failing readiness, so that load balancers stop sending requests before the frontend stops. */
    public void stopAccepting() {
        ready.set(false);
    }

    /** Whether it serves: not stopping, and its caller authentication (ARM's certificates) is loaded. */
    public boolean isReady() {
        return ready.get() && security.authentication().isReady();
    }

    @Override
    public void close() {
        ready.set(false);
        server.shutdownNow();
    }
}
