package io.aro.rp.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aro.rp.api.AsyncOperation;
import io.aro.rp.api.CloudErrorBody;
import io.aro.rp.api.InstallPhase;
import io.aro.rp.api.OpenShiftClusterProperties;
import io.aro.rp.api.ProvisioningState;
import io.aro.rp.api.SecureString;
import io.aro.rp.api.WorkerProfile;
import io.aro.rp.cloud.InstallationStatus;
import io.aro.rp.cloud.SimulatedResources;
import io.aro.rp.database.ClusterOperation;
import io.aro.rp.database.Database;
import io.aro.rp.database.LeaseSettings;
import io.aro.rp.database.OpenShiftClusterDocument;
import io.aro.rp.database.PreconditionRetry;
import io.aro.rp.database.SecretCipher;
import io.aro.rp.database.embedded.EmbeddedDocumentStore;
import io.aro.rp.testing.Clusters;
import io.aro.rp.testing.FaultInjectingCloud;
import io.aro.rp.testing.FaultInjectingCloud.Step;
import io.aro.rp.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backend's state machine without HTTP: a cluster document in a state, one dequeue and one worker
 * run, and what the decision did to the cluster, its lease and its operation.
 */
class ClusterStateMachineTest {
    private static final Duration POLL = Duration.ofSeconds(30);
    private static final Duration TIMEOUT = Duration.ofMinutes(60);

    @TempDir
    Path dir;
    final MutableClock clock = MutableClock.startingNow();
    Database db;
    FaultInjectingCloud cloud;
    ClusterOperation operation;
    BackendSettings settings;
    String id;

    @BeforeEach
    void open() {
        db = Database.open(EmbeddedDocumentStore.open(dir.resolve("rp.db"), clock, false, failure -> { }), SecretCipher.fromBase64(SecretCipher.newKey()),
                PreconditionRetry.DEFAULT, new LeaseSettings("worker", Duration.ofSeconds(60), clock));
        db.openShiftVersions().seed(List.of(io.aro.rp.api.OpenShiftVersion.withDefaultPullspecs("4.14.38")), "4.14.38");
        cloud = new FaultInjectingCloud(new SimulatedResources(dir.resolve("cloud")));
        operation = new ClusterOperation(db.openShiftClusters(), db.asyncOperations(), clock, new SimpleMeterRegistry());
        settings = new BackendSettings(Duration.ofMillis(50), 1, Duration.ofSeconds(10), Duration.ZERO, Duration.ofMinutes(10), 5, 0, POLL, TIMEOUT);
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** A cluster in {@code state} with its operation started, as the frontend leaves it. */
    private void cluster(ProvisioningState state) {
        OpenShiftClusterDocument doc = Clusters.document(UUID.randomUUID().toString(), "rg", "machine", null);
        OpenShiftClusterProperties p = doc.getOpenShiftCluster().getProperties();
        String vnet = "/subscriptions/" + doc.getPartitionKey() + "/resourceGroups/vnet/providers/Microsoft.Network/virtualNetworks/vnet";
        p.getClusterProfile().setDomain("machine.example.com");
        p.getClusterProfile().setVersion("4.14.38");
        p.getMasterProfile().setSubnetId(vnet + "/subnets/master");
        WorkerProfile worker = new WorkerProfile();
        worker.setName("worker");
        worker.setCount(3);
        worker.setSubnetId(vnet + "/subnets/worker");
        p.setWorkerProfiles(List.of(worker));
        p.getServicePrincipalProfile().setClientSecret(SecureString.of("secret"));
        if (state == ProvisioningState.CREATING) {
            io.aro.rp.api.Install install = new io.aro.rp.api.Install();
            install.setNow(clock.instant());
            install.setPhase(InstallPhase.BOOTSTRAP);
            p.setInstall(install);
        } else {
            p.setProvisioningState(ProvisioningState.SUCCEEDED);
            p.setInfraId("machine-abcde");
            p.setStorageSuffix("fghij");
            p.getHiveProfile().setNamespace("aro-" + UUID.randomUUID());
            p.setAdminKubeconfig(SecureString.of("apiVersion: v1\nkind: Config\n"));
        }
        operation.start(doc, state, null);
        id = db.openShiftClusters().create(doc).getKey();
    }

    /** One dequeue and one run of the worker on it; the cluster as the run left it. */
    private OpenShiftClusterDocument step() {
        OpenShiftClusterDocument leased = db.openShiftClusters().dequeue().orElseThrow(() -> new AssertionError("nothing to dequeue"));
        new ClusterWorker(db.openShiftClusters(), operation, Backend.reconcilers(new Backend.Installation(cloud, cloud, cloud, cloud),
                db.openShiftVersions()::get, db.platformWorkloadIdentityRoleSets()::get, settings, clock), settings, leased,
                new BackendTelemetry(new SimpleMeterRegistry(), OpenTelemetry.noop().getTracer("test"))).run();
        return db.openShiftClusters().get(id).orElse(null);
    }

    private OpenShiftClusterDocument current() {
        return db.openShiftClusters().get(id).orElseThrow();
    }

    private AsyncOperation asyncOperation(OpenShiftClusterDocument doc, String operationId) {
        return db.asyncOperations().get(operationId != null ? operationId : doc.getAsyncOperationId()).orElseThrow().getAsyncOperation();
    }

    private static InstallPhase phase(OpenShiftClusterDocument doc) {
        return doc.getOpenShiftCluster().getProperties().getInstall().getPhase();
    }

    @Test
    void anInstallGoesThroughItsPhasesEachInItsOwnLease() {
        cluster(ProvisioningState.CREATING);
        String operationId = current().getAsyncOperationId();

        OpenShiftClusterDocument doc = step();
        assertEquals(InstallPhase.START_INSTALLATION, phase(doc));
        assertNull(doc.getLeaseOwner(), "handed over: any worker takes the next phase");
        assertNull(doc.getLeaseExpires());
        assertEquals(0, doc.getDequeues());
        var p = doc.getOpenShiftCluster().getProperties();
        assertNotNull(p.getInfraId());
        assertTrue(p.getHiveProfile().getNamespace().startsWith("aro-"));
        assertEquals(List.of("10.0.0.0/23", "10.0.2.0/23"), p.getInstall().getMachineNetworks());
        assertEquals(ProvisioningState.CREATING, p.getProvisioningState());
        assertEquals(ProvisioningState.CREATING, asyncOperation(doc, operationId).getProvisioningState(), "the operation goes on");

        doc = step();
        assertEquals(InstallPhase.AWAIT_INSTALLATION, phase(doc));
        assertEquals(clock.instant(), doc.getOpenShiftCluster().getProperties().getInstall().getInstallerStarted());

        doc = step();
        assertEquals(InstallPhase.FINISH_INSTALLATION, phase(doc));

        doc = step();
        p = doc.getOpenShiftCluster().getProperties();
        assertEquals(ProvisioningState.SUCCEEDED, p.getProvisioningState());
        assertNull(p.getInstall());
        assertNull(doc.getAsyncOperationId());
        assertNotNull(p.getKubeadminPassword());
        assertEquals("https://api.machine.example.com:6443", p.getApiserverProfile().getUrl());
        assertNotNull(p.getApiserverProfile().getIp());
        assertEquals(1, p.getWorkerProfilesStatus().size());
        AsyncOperation op = asyncOperation(doc, operationId);
        assertEquals(ProvisioningState.SUCCEEDED, op.getProvisioningState());
        assertEquals(clock.instant(), op.getEndTime());
        assertEquals(1, cloud.calls(Step.START_INSTALLATION));
    }

    @Test
    void anInstallationInProgressIsLookedAtAgainAfterThePollIntervalWithoutHoldingAWorker() {
        cluster(ProvisioningState.CREATING);
        step();
        step();
        cloud.reportStatus(new InstallationStatus.InProgress("installing"));

        OpenShiftClusterDocument doc = step();
        assertEquals(InstallPhase.AWAIT_INSTALLATION, phase(doc));
        assertNull(doc.getLeaseOwner());
        assertEquals(clock.instant().plus(POLL).getEpochSecond(), doc.getLeaseExpires(), "not taken again before the poll interval");
        assertEquals(0, doc.getDequeues(), "waiting is progress");
        assertTrue(db.openShiftClusters().dequeue().isEmpty());

        clock.advance(POLL.plusSeconds(1));
        cloud.reportStatus(null);
        assertEquals(InstallPhase.FINISH_INSTALLATION, phase(step()));
    }

    @Test
    void anInstallationHiveFailedFailsTheClusterWithItsError() {
        cluster(ProvisioningState.CREATING);
        String operationId = current().getAsyncOperationId();
        step();
        step();
        CloudErrorBody quota = new CloudErrorBody("ResourceQuotaExceeded", "quota", null, null);
        cloud.reportStatus(new InstallationStatus.Failed(quota));

        OpenShiftClusterDocument doc = step();
        var p = doc.getOpenShiftCluster().getProperties();
        assertEquals(ProvisioningState.FAILED, p.getProvisioningState());
        assertEquals(ProvisioningState.CREATING, p.getFailedProvisioningState());
        assertNull(doc.getLeaseOwner());
        assertNull(doc.getAsyncOperationId());
        AsyncOperation op = asyncOperation(doc, operationId);
        assertEquals(ProvisioningState.FAILED, op.getProvisioningState());
        assertEquals("ResourceQuotaExceeded", op.getError().getCode());
    }

    @Test
    void anInstallationPastItsLimitFails() {
        cluster(ProvisioningState.CREATING);
        String operationId = current().getAsyncOperationId();
        step();
        step();
        cloud.reportStatus(new InstallationStatus.InProgress("installing"));
        clock.advance(TIMEOUT.plusSeconds(1));

        OpenShiftClusterDocument doc = step();
        assertEquals(ProvisioningState.FAILED, doc.getOpenShiftCluster().getProperties().getProvisioningState());
        assertTrue(asyncOperation(doc, operationId).getError().getMessage().contains("did not complete within 60 minutes"));
    }

    @Test
    void aRouterWithoutAnIpIsWaitedFor() {
        cluster(ProvisioningState.CREATING);
        step();
        step();
        step();
        cloud.ingressPending(true);
        OpenShiftClusterDocument doc = step();
        assertEquals(InstallPhase.FINISH_INSTALLATION, phase(doc));
        assertNotNull(doc.getOpenShiftCluster().getProperties().getAdminKubeconfig(), "what was learned is kept");
        assertEquals(clock.instant().plus(POLL).getEpochSecond(), doc.getLeaseExpires());

        clock.advance(POLL.plusSeconds(1));
        cloud.ingressPending(false);
        assertEquals(ProvisioningState.SUCCEEDED, step().getOpenShiftCluster().getProperties().getProvisioningState());
    }

    @Test
    void aDeletionDeletesTheDocumentAfterItsOperationSucceeded() {
        cluster(ProvisioningState.DELETING);
        String operationId = current().getAsyncOperationId();
        assertNull(step());
        assertEquals(ProvisioningState.SUCCEEDED, db.asyncOperations().get(operationId).orElseThrow().getAsyncOperation().getProvisioningState());
        assertEquals(1, cloud.calls(Step.DELETE_INSTALLATION));
    }

    @Test
    void anUpdateThatFailsFailsTheClusterAsUpdating() {
        cluster(ProvisioningState.UPDATING);
        cloud.failAt(Step.UPDATE_SERVICE_PRINCIPAL, new io.aro.rp.api.CloudError(400, new CloudErrorBody("Broken", "broken", null, null)));
        var p = step().getOpenShiftCluster().getProperties();
        assertEquals(ProvisioningState.FAILED, p.getProvisioningState());
        assertEquals(ProvisioningState.UPDATING, p.getFailedProvisioningState());
    }

    @Test
    void anAdminUpdateOfAFailedClusterReturnsItToFailedAsItWas() {
        cluster(ProvisioningState.CREATING);
        db.openShiftClusters().patch(id, d -> {
            d.getOpenShiftCluster().getProperties().setProvisioningState(ProvisioningState.FAILED);
            d.getOpenShiftCluster().getProperties().setFailedProvisioningState(ProvisioningState.CREATING);
            d.setAsyncOperationId(null);
        });
        db.openShiftClusters().patch(id, d -> operation.start(d, ProvisioningState.ADMIN_UPDATING, null));

        var p = step().getOpenShiftCluster().getProperties();
        assertEquals(ProvisioningState.FAILED, p.getProvisioningState());
        assertEquals(ProvisioningState.CREATING, p.getFailedProvisioningState(), "still a failed create: it must be deleted");
        assertNull(p.getLastAdminUpdateError());
        assertEquals(0, cloud.calls(Step.UPDATE_INSTALLATION), "never installed: nothing on Hive to update");
    }

    @Test
    void anOperationTakenUpTooOftenFailsWithoutAnyStep() {
        cluster(ProvisioningState.CREATING);
        db.openShiftClusters().patch(id, d -> d.setDequeues(5));
        var doc = step();
        assertEquals(ProvisioningState.FAILED, doc.getOpenShiftCluster().getProperties().getProvisioningState());
        assertEquals(0, cloud.calls(Step.VALIDATE));
    }

    @Test
    void aWorkerThatLostItsLeaseWritesNothing() {
        cluster(ProvisioningState.CREATING);
        OpenShiftClusterDocument leased = db.openShiftClusters().dequeue().orElseThrow();
        db.openShiftClusters().patch(id, d -> d.setLeaseOwner("the-new-owner")); // another process took the cluster over
        new ClusterWorker(db.openShiftClusters(), operation, Backend.reconcilers(new Backend.Installation(cloud, cloud, cloud, cloud),
                db.openShiftVersions()::get, db.platformWorkloadIdentityRoleSets()::get, settings, clock), settings, leased,
                new BackendTelemetry(new SimpleMeterRegistry(), OpenTelemetry.noop().getTracer("test"))).run();

        OpenShiftClusterDocument doc = current();
        assertEquals("the-new-owner", doc.getLeaseOwner());
        assertEquals(InstallPhase.BOOTSTRAP, phase(doc));
        assertNull(doc.getOpenShiftCluster().getProperties().getInfraId(), "nothing recorded");
        assertEquals(0, cloud.calls(Step.VALIDATE), "no step ran");
        assertFalse(db.asyncOperations().get(doc.getAsyncOperationId()).orElseThrow().getAsyncOperation().getProvisioningState().isTerminal());
    }
}
