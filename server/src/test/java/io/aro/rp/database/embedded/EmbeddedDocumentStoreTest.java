package io.aro.rp.database.embedded;

import io.aro.rp.database.DocumentStore;
import io.aro.rp.database.DocumentStoreContract;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDocumentStoreTest extends DocumentStoreContract {
    @TempDir
    Path dir;

    @Override
    protected DocumentStore openStore() {
        return EmbeddedDocumentStore.open(dir.resolve("rp.db"), Clock.systemUTC(), false);
    }
}
