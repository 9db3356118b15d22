package io.aro.rp.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aro.rp.api.AsyncOperation;
import io.aro.rp.api.ProvisioningState;
import io.aro.rp.api.SecureString;
import io.aro.rp.testing.Clusters;
import io.aro.rp.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The database's contract, run against the embedded store and against Cosmos DB (the real SDK and a
 * Cosmos protocol server): read-modify-writes lose no update, leases are exclusive and expire, unknown
 * fields survive, secrets are sealed, lists page.
 */
public abstract class DatabaseContract {
    protected static final Duration TTL = Duration.ofSeconds(60);
    protected static final String KEY_A = SecretCipher.newKey();
    protected static final String KEY_B = SecretCipher.newKey();

    protected final MutableClock clock = MutableClock.startingNow();
    protected DocumentStore store;
    protected Database db;

    /** A new, empty store whose writes use {@code clock} where the store keeps time itself. */
    protected abstract DocumentStore openStore();

    @BeforeEach
    void openDatabase() {
        store = openStore();
        db = view("this-process", KEY_A);
    }

    @AfterEach
    void closeDatabase() {
        store.close();
    }

    /** Another process's view of the same store: its own lease owner and encryption keys. */
    protected Database view(String owner, String keys) {
        return Database.open(store, SecretCipher.fromBase64(keys), PreconditionRetry.DEFAULT, new LeaseSettings(owner, TTL, clock));
    }

    private static String sub() {
        return UUID.randomUUID().toString();
    }

    @Test
    void concurrentReadModifyWritesLoseNoUpdate() throws Exception {
        // 16 writers on one document is far more contention than the RP sees: what is under test is that no
        // update is lost, so the retry budget is sized for the test, not the default's.
        Database db = Database.open(store, SecretCipher.fromBase64(KEY_A), new PreconditionRetry(500, Duration.ofMillis(5), Duration.ofMillis(250)),
                new LeaseSettings("this-process", TTL, clock));
        String id = db.openShiftClusters().create(Clusters.document(sub(), "rg", "counter", ProvisioningState.SUCCEEDED))
                .getOpenShiftCluster().getId();
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        db.openShiftClusters().patch(id, doc -> doc.setBucket(doc.getBucket() + 1));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(800, db.openShiftClusters().get(id).orElseThrow().getBucket());
    }

    @Test
    void concurrentDequeuersLeaseEachDocumentExactlyOnce() throws Exception {
        List<String> subscriptions = List.of(sub(), sub(), sub(), sub());
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            ProvisioningState state = List.of(ProvisioningState.CREATING, ProvisioningState.UPDATING, ProvisioningState.ADMIN_UPDATING,
                    ProvisioningState.DELETING).get(i % 4);
            expected.add(db.openShiftClusters().create(Clusters.document(subscriptions.get(i % 4), "rg", "c" + i, state)).getKey());
        }
        db.openShiftClusters().create(Clusters.document(subscriptions.get(0), "rg", "done", ProvisioningState.SUCCEEDED));
        db.openShiftClusters().create(Clusters.document(subscriptions.get(0), "rg", "failed", ProvisioningState.FAILED));

        Map<String, String> leasedBy = new ConcurrentHashMap<>();
        AtomicInteger leases = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                Database worker = view("worker-" + w, KEY_A);
                done.add(threads.submit(() -> {
                    int idle = 0;
                    while (idle < 2) {
                        var leased = worker.openShiftClusters().dequeue();
                        if (leased.isEmpty()) {
                            idle++;
                            continue;
                        }
                        idle = 0;
                        leases.incrementAndGet();
                        assertNull(leasedBy.put(leased.get().getKey(), leased.get().getLeaseOwner()), "leased twice: " + leased.get().getKey());
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(expected, leasedBy.keySet());
        assertEquals(100, leases.get());
        for (String key : expected) {
            OpenShiftClusterDocument doc = db.openShiftClusters().get(key).orElseThrow();
            assertEquals(1, doc.getDequeues());
            assertEquals(leasedBy.get(key), doc.getLeaseOwner());
        }
    }

    @Test
    void theClustersWaitingForAWorkerAreTheOnesADequeueWouldTake() {
        String sub = sub();
        db.openShiftClusters().create(Clusters.document(sub, "rg", "a", ProvisioningState.CREATING));
        db.openShiftClusters().create(Clusters.document(sub, "rg", "b", ProvisioningState.DELETING));
        db.openShiftClusters().create(Clusters.document(sub, "rg", "c", ProvisioningState.SUCCEEDED));
        assertEquals(2, db.openShiftClusters().waiting(10).size(), "a Succeeded cluster waits for nothing");
        assertEquals(1, db.openShiftClusters().waiting(1).size(), "bounded");

        db.openShiftClusters().dequeue().orElseThrow();
        assertEquals(1, db.openShiftClusters().waiting(10).size(), "a leased cluster is being worked on");
    }

    @Test
    void aLeaseTakenAfterExpiryLocksTheOldOwnerOut() {
        Database a = view("process-a", KEY_A);
        Database b = view("process-b", KEY_A);
        String key = a.openShiftClusters().create(Clusters.document(sub(), "rg", "c", ProvisioningState.CREATING)).getKey();

        OpenShiftClusterDocument leased = a.openShiftClusters().dequeue().orElseThrow();
        assertEquals("process-a", leased.getLeaseOwner());
        assertEquals(clock.instant().getEpochSecond() + TTL.toSeconds(), leased.getLeaseExpires());
        assertFalse(leased.getDequeue().afterExpiredLease(), "nobody held it before");
        assertTrue(b.openShiftClusters().dequeue().isEmpty(), "a live lease is not taken");

        clock.advance(TTL);
        assertTrue(b.openShiftClusters().dequeue().isEmpty(), "a lease is live up to and including its expiry second");
        clock.advance(Duration.ofSeconds(1));
        OpenShiftClusterDocument taken = b.openShiftClusters().dequeue().orElseThrow();
        assertEquals("process-b", taken.getLeaseOwner());
        assertEquals(2, taken.getDequeues());
        assertTrue(taken.getDequeue().afterExpiredLease(), "a takeover, which the backend counts");
        assertFalse(taken.getDequeue().waited().isNegative());

        assertThrows(LostLeaseException.class, () -> a.openShiftClusters().patchWithLease(key,
                doc -> doc.getOpenShiftCluster().getProperties().setProvisioningState(ProvisioningState.SUCCEEDED)));
        assertThrows(LostLeaseException.class, () -> a.openShiftClusters().renewLease(key));
        assertThrows(LostLeaseException.class, () -> a.openShiftClusters().endLease(key, doc -> { }));
        assertEquals(ProvisioningState.CREATING, db.openShiftClusters().get(key).orElseThrow().getOpenShiftCluster().getProperties()
                .getProvisioningState());

        clock.advance(Duration.ofSeconds(30));
        assertEquals(clock.instant().getEpochSecond() + TTL.toSeconds(), b.openShiftClusters().renewLease(key).getLeaseExpires());
        OpenShiftClusterDocument ended = b.openShiftClusters().endLease(key,
                doc -> doc.getOpenShiftCluster().getProperties().setProvisioningState(ProvisioningState.SUCCEEDED));
        assertNull(ended.getLeaseOwner());
        assertNull(ended.getLeaseExpires());
        assertTrue(b.openShiftClusters().dequeue().isEmpty(), "a Succeeded cluster has no work");
    }

    @Test
    void subscriptionsBeingDeletedAreDequeued() {
        String s = sub();
        SubscriptionDocument doc = new SubscriptionDocument();
        doc.setId(s.toUpperCase());
        doc.setSubscription(new io.aro.rp.api.Subscription());
        db.subscriptions().create(doc);
        assertTrue(db.subscriptions().dequeue().isEmpty());

        db.subscriptions().patch(s, d -> d.setDeleting(true));

        SubscriptionDocument leased = db.subscriptions().dequeue().orElseThrow();
        assertEquals(s, leased.getId());
        assertTrue(view("other", KEY_A).subscriptions().dequeue().isEmpty());
        db.subscriptions().endLease(s, d -> d.setDeleting(false));
        assertTrue(view("other", KEY_A).subscriptions().dequeue().isEmpty());
    }

    @Test
    void fieldsThisVersionDoesNotKnowSurviveEveryReadModifyWrite() {
        OpenShiftClusterDocument created = db.openShiftClusters().create(Clusters.document(sub(), "rg", "future", ProvisioningState.CREATING));
        DocumentContainer raw = store.container(OpenShiftClusters.SPEC);
        ObjectNode stored = raw.read(created.getPartitionKey(), created.getId()).orElseThrow();
        stored.put("writtenByNewerRp", "top");
        ((ObjectNode) stored.at("/openShiftCluster/properties")).putObject("futureProfile").put("mtu", 3900);
        ((ObjectNode) stored.at("/openShiftCluster/properties/networkProfile")).put("futureField", true);
        raw.replace(created.getPartitionKey(), stored, stored.path("_etag").asText());

        String key = created.getKey();
        db.openShiftClusters().patch(key, doc -> doc.setBucket(7));
        db.openShiftClusters().dequeue().orElseThrow();
        db.openShiftClusters().endLease(key, doc -> doc.getOpenShiftCluster().getProperties().setProvisioningState(ProvisioningState.SUCCEEDED));

        ObjectNode after = raw.read(created.getPartitionKey(), created.getId()).orElseThrow();
        assertEquals("top", after.path("writtenByNewerRp").asText());
        assertEquals(3900, after.at("/openShiftCluster/properties/futureProfile/mtu").asInt());
        assertTrue(after.at("/openShiftCluster/properties/networkProfile/futureField").asBoolean());
        assertEquals(7, after.path("bucket").asInt());
        assertEquals("Succeeded", after.at("/openShiftCluster/properties/provisioningState").asText());
    }

    @Test
    void listsPageThroughEveryClusterExactlyOnce() {
        String s = sub();
        Set<String> all = new HashSet<>();
        Set<String> rg1 = new HashSet<>();
        for (int i = 0; i < 23; i++) {
            String rg = i % 3 == 0 ? "rg1" : "rg2";
            String key = db.openShiftClusters().create(Clusters.document(s, rg, "c" + i, ProvisioningState.SUCCEEDED)).getKey();
            all.add(key);
            if (rg.equals("rg1")) {
                rg1.add(key);
            }
        }
        db.openShiftClusters().create(Clusters.document(sub(), "rg1", "elsewhere", ProvisioningState.SUCCEEDED));
        db.openShiftClusters().create(Clusters.document(s, "rg10", "similar-prefix", ProvisioningState.SUCCEEDED));

        List<String> seen = new ArrayList<>();
        int pages = 0;
        String continuation = null;
        do {
            ResultPage<OpenShiftClusterDocument> page = db.openShiftClusters().listBySubscription(s.toUpperCase(), continuation, 5);
            page.items().forEach(d -> seen.add(d.getKey()));
            continuation = page.continuation();
            pages++;
        } while (continuation != null);
        assertTrue(pages >= 5, "pages: " + pages);
        assertEquals(24, seen.size());
        assertEquals(24, new HashSet<>(seen).size());
        assertTrue(seen.containsAll(all));

        Set<String> inRg1 = new HashSet<>();
        continuation = null;
        do {
            ResultPage<OpenShiftClusterDocument> page = db.openShiftClusters().listByResourceGroup(s, "RG1", continuation, 3);
            page.items().forEach(d -> assertTrue(inRg1.add(d.getKey())));
            continuation = page.continuation();
        } while (continuation != null);
        assertEquals(rg1, inRg1);
    }

    @Test
    void aClusterThatExistsIsAConflict() {
        String s = sub();
        OpenShiftClusterDocument first = db.openShiftClusters().create(Clusters.document(s, "rg", "dup", ProvisioningState.CREATING));
        assertThrows(DocumentConflictException.class,
                () -> db.openShiftClusters().create(Clusters.document(s, "RG", "DUP", ProvisioningState.CREATING)));

        OpenShiftClusterDocument sameClient = Clusters.document(s, "rg", "other", ProvisioningState.CREATING);
        sameClient.setClientIdKey(first.getClientIdKey());
        assertThrows(DocumentConflictException.class, () -> db.openShiftClusters().create(sameClient));
        assertEquals(first.getKey(), db.openShiftClusters().findByClientId(s, first.getClientIdKey().toUpperCase()).orElseThrow().getKey());

        OpenShiftClusterDocument sameGroup = Clusters.document(s, "rg", "third", ProvisioningState.CREATING);
        sameGroup.setClusterResourceGroupIdKey(first.getClusterResourceGroupIdKey());
        assertThrows(DocumentConflictException.class, () -> db.openShiftClusters().create(sameGroup));
        assertEquals(first.getKey(),
                db.openShiftClusters().findByClusterResourceGroupId(s, first.getClusterResourceGroupIdKey()).orElseThrow().getKey());
    }

    @Test
    void whatIsMissingIsNotFound() {
        String missing = "/subscriptions/" + sub() + "/resourceGroups/rg/providers/Microsoft.RedHatOpenShift/openShiftClusters/none";
        assertTrue(db.openShiftClusters().get(missing).isEmpty());
        assertThrows(DocumentNotFoundException.class, () -> db.openShiftClusters().patch(missing, doc -> doc.setBucket(1)));
        assertTrue(db.subscriptions().get(sub()).isEmpty());
        assertTrue(db.asyncOperations().get(UUID.randomUUID().toString()).isEmpty());
    }

    @Test
    void aStaleWriteOfADeletedClusterFails() {
        OpenShiftClusterDocument doc = db.openShiftClusters().create(Clusters.document(sub(), "rg", "gone", ProvisioningState.DELETING));
        OpenShiftClusterDocument stale = db.openShiftClusters().patch(doc.getKey(), d -> d.setBucket(3));
        assertThrows(PreconditionFailedException.class, () -> db.openShiftClusters().delete(doc));
        db.openShiftClusters().delete(stale);
        assertTrue(db.openShiftClusters().get(doc.getKey()).isEmpty());
    }

    @Test
    void secretsAreSealedAtRest() {
        OpenShiftClusterDocument doc = Clusters.document(sub(), "rg", "secrets", ProvisioningState.CREATING);
        doc.getOpenShiftCluster().getProperties().getServicePrincipalProfile().setClientSecret(SecureString.of("client-secret-plaintext"));
        doc.getOpenShiftCluster().getProperties().getClusterProfile().setPullSecret(SecureString.of("{\"auths\":{\"pull-secret-plaintext\":{}}}"));
        doc.getOpenShiftCluster().getProperties().setKubeadminPassword(SecureString.of("kubeadmin-plaintext"));
        doc.getOpenShiftCluster().getProperties().setAdminKubeconfig(SecureString.of("kubeconfig-plaintext"));
        OpenShiftClusterDocument created = db.openShiftClusters().create(doc);

        String raw = store.container(OpenShiftClusters.SPEC).read(created.getPartitionKey(), created.getId()).orElseThrow().toString();
        for (String plaintext : List.of("client-secret-plaintext", "pull-secret-plaintext", "kubeadmin-plaintext", "kubeconfig-plaintext")) {
            assertFalse(raw.contains(plaintext), plaintext + " is stored in plain text");
        }
        var properties = db.openShiftClusters().get(created.getKey()).orElseThrow().getOpenShiftCluster().getProperties();
        assertEquals(SecureString.of("client-secret-plaintext"), properties.getServicePrincipalProfile().getClientSecret());
        assertEquals(SecureString.of("kubeadmin-plaintext"), properties.getKubeadminPassword());
    }

    @Test
    void secretsSealedWithAnOldKeyReadAfterRotation() {
        OpenShiftClusterDocument doc = Clusters.document(sub(), "rg", "rotated", ProvisioningState.SUCCEEDED);
        doc.getOpenShiftCluster().getProperties().getServicePrincipalProfile().setClientSecret(SecureString.of("sealed-with-a"));
        String key = db.openShiftClusters().create(doc).getKey();
        OpenShiftClusterDocument untouched = Clusters.document(sub(), "rg", "untouched", ProvisioningState.SUCCEEDED);
        untouched.getOpenShiftCluster().getProperties().setKubeadminPassword(SecureString.of("also-a"));
        String untouchedKey = db.openShiftClusters().create(untouched).getKey();

        Database rotated = view("this-process", KEY_B + "," + KEY_A);
        assertEquals(SecureString.of("sealed-with-a"),
                rotated.openShiftClusters().get(key).orElseThrow().getOpenShiftCluster().getProperties().getServicePrincipalProfile().getClientSecret());
        rotated.openShiftClusters().patch(key, d -> d.setBucket(1)); // a write seals with the new key

        Database onlyB = view("this-process", KEY_B);
        assertEquals(SecureString.of("sealed-with-a"),
                onlyB.openShiftClusters().get(key).orElseThrow().getOpenShiftCluster().getProperties().getServicePrincipalProfile().getClientSecret());
        // Secrets are opened when used, not when read: a read that uses none (a GET) does no AES work.
        SecureString unopenable = onlyB.openShiftClusters().get(untouchedKey).orElseThrow().getOpenShiftCluster().getProperties().getKubeadminPassword();
        DatabaseException e = assertThrows(DatabaseException.class, unopenable::reveal);
        assertFalse(e.toString().contains("also-a"));
        assertEquals(SecureString.of("sealed-with-a"), onlyB.openShiftClusters().get(key).orElseThrow().getOpenShiftCluster().getProperties()
                .getServicePrincipalProfile().getClientSecret(), "the thread's cipher works on after a secret it could not open");
    }

    @Test
    void asyncOperationsExpireAWeekAfterTheirLastWrite() {
        AsyncOperationDocument doc = new AsyncOperationDocument();
        String id = UUID.randomUUID().toString();
        doc.setId(id);
        AsyncOperation op = new AsyncOperation();
        op.setId(id);
        op.setProvisioningState(ProvisioningState.CREATING);
        doc.setAsyncOperation(op);
        db.asyncOperations().create(doc);

        ObjectNode raw = store.container(AsyncOperations.SPEC).read(id, id).orElseThrow();
        assertEquals(Duration.ofDays(7).toSeconds(), raw.path("ttl").asLong());
        assertEquals(ProvisioningState.CREATING, db.asyncOperations().get(id.toUpperCase()).orElseThrow().getAsyncOperation().getProvisioningState());
    }

    @Test
    void versionsAreSeededOnceInVersionOrderWithOneDefault() {
        db.openShiftVersions().seed(List.of(io.aro.rp.api.OpenShiftVersion.withDefaultPullspecs("4.9.2"),
                io.aro.rp.api.OpenShiftVersion.withDefaultPullspecs("4.10.1")), "4.10.1");
        db.openShiftVersions().seed(List.of(io.aro.rp.api.OpenShiftVersion.withDefaultPullspecs("4.99.0")), "4.99.0");
        assertEquals(List.of("4.9.2", "4.10.1"), db.openShiftVersions().list().stream().map(OpenShiftVersionDocument::getId).toList(),
                "seeded once, numbers compared as numbers");

        OpenShiftVersionDocument.Properties next = new OpenShiftVersionDocument.Properties();
        next.setVersion("4.11.0");
        next.setEnabled(true);
        next.setDefault(true);
        next.setOpenShiftPullspec("quay.io/openshift-release-dev/ocp-release:4.11.0-x86_64");
        next.setInstallerPullspec("arosvc.azurecr.io/aro-installer:release-4.11");
        db.openShiftVersions().put(next);
        assertEquals(List.of("4.11.0"), db.openShiftVersions().list().stream().filter(v -> v.getProperties().isDefault())
                .map(OpenShiftVersionDocument::getId).toList());
        assertEquals("arosvc.azurecr.io/aro-installer:release-4.11", db.openShiftVersions().get("4.11.0").orElseThrow().installerPullspec());
        next.setEnabled(false);
        next.setDefault(false);
        db.openShiftVersions().put(next);
        assertFalse(db.openShiftVersions().list().get(2).getProperties().isEnabled(), "replaced in place");
    }

    @Test
    void everyClusterIsListedAcrossSubscriptionsInPages() {
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            created.add(db.openShiftClusters().create(Clusters.document(sub(), "rg", "all" + i, ProvisioningState.SUCCEEDED)).getKey());
        }
        Set<String> listed = new HashSet<>();
        String continuation = null;
        int pages = 0;
        do {
            ResultPage<OpenShiftClusterDocument> page = db.openShiftClusters().listAll(continuation, 2);
            page.items().forEach(d -> listed.add(d.getKey()));
            continuation = page.continuation();
            pages++;
        } while (continuation != null);
        assertTrue(listed.containsAll(created), listed.toString());
        assertTrue(pages >= 3, "pages of two: " + pages);
    }
}
