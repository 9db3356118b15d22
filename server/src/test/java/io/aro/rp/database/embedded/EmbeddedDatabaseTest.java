package io.aro.rp.database.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aro.rp.api.AsyncOperation;
import io.aro.rp.api.ProvisioningState;
import io.aro.rp.database.AsyncOperationDocument;
import io.aro.rp.database.Database;
import io.aro.rp.database.DatabaseContract;
import io.aro.rp.database.DatabaseException;
import io.aro.rp.database.DocumentStore;
import io.aro.rp.database.OpenShiftClusterDocument;
import io.aro.rp.testing.Clusters;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest extends DatabaseContract {
    @TempDir
    Path dir;

    @Override
    protected DocumentStore openStore() {
        return EmbeddedDocumentStore.open(dir.resolve("rp.db"), clock, false, failure -> { });
    }

    @Test
    void everythingIsThereAfterARestartAndEtagsStillHold() {
        OpenShiftClusterDocument created = db.openShiftClusters().create(Clusters.document(UUID.randomUUID().toString(), "rg", "kept",
                ProvisioningState.CREATING));
        OpenShiftClusterDocument written = db.openShiftClusters().patch(created.getKey(), d -> d.setBucket(42));
        store.close();

        store = EmbeddedDocumentStore.open(dir.resolve("rp.db"), clock, true, failure -> { });
        Database reopened = view("this-process", KEY_A);
        OpenShiftClusterDocument read = reopened.openShiftClusters().get(created.getKey()).orElseThrow();
        assertEquals(42, read.getBucket());
        assertEquals(written.getEtag(), read.getEtag());
        assertEquals(ProvisioningState.CREATING, read.getOpenShiftCluster().getProperties().getProvisioningState());
        assertTrue(reopened.openShiftClusters().dequeue().isPresent(), "the work is still queued");
    }

    @Test
    void asecondProcessCannotOpenTheSameFile() {
        DatabaseException e = assertThrows(DatabaseException.class, () -> EmbeddedDocumentStore.open(dir.resolve("rp.db"), clock, false, failure -> { }));
        assertTrue(e.getMessage().contains("rp.db"), e.getMessage());
    }

    @Test
    void expiredOperationsAreGone() {
        AsyncOperationDocument doc = new AsyncOperationDocument();
        String id = UUID.randomUUID().toString();
        doc.setId(id);
        doc.setAsyncOperation(new AsyncOperation());
        db.asyncOperations().create(doc);

        clock.advance(Duration.ofDays(7).minusSeconds(1));
        assertTrue(db.asyncOperations().get(id).isPresent());
        db.asyncOperations().patch(id, d -> d.getAsyncOperation().setProvisioningState(ProvisioningState.SUCCEEDED));
        clock.advance(Duration.ofDays(6));
        assertTrue(db.asyncOperations().get(id).isPresent(), "a write restarts the week");
        clock.advance(Duration.ofDays(1));
        assertTrue(db.asyncOperations().get(id).isEmpty());
    }
}
