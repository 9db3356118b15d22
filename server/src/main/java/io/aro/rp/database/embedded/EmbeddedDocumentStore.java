package io.aro.rp.database.embedded;

import io.aro.rp.database.ContainerSpec;
import io.aro.rp.database.DatabaseException;
import io.aro.rp.database.DocumentContainer;
import io.aro.rp.database.DocumentStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

/**
 * The default store for a local run: H2's MVStore in one file on local disk, with the same semantics as
 * Cosmos DB (ETags, 412 on a stale ETag, 409 on a taken id or unique key, paged queries, expiry).
 *
 * <p>Every write is one atomic MVStore commit, so a crashed process leaves either the old or the new
 * document. With {@code fsync} the commit is also forced to the disk, so that a power loss loses
 * nothing either; without it, a process crash loses nothing but a machine crash may lose the last
 * writes. One process opens the file at a time (MVStore locks it), so several RP processes share
 * state through Cosmos DB, not through this store.
 */
public final class EmbeddedDocumentStore implements DocumentStore {
    private final MVStore store;
    private final Clock clock;
    private final boolean fsync;
    private final Map<String, EmbeddedContainer> containers = new ConcurrentHashMap<>();

    private EmbeddedDocumentStore(MVStore store, Clock clock, boolean fsync) {
        this.store = store;
        this.clock = clock;
        this.fsync = fsync;
    }

    /**
     * Opens (or creates) the store in {@code file}.
     *
     * @throws DatabaseException when the file cannot be opened, for example because another process has it open
     */
    public static EmbeddedDocumentStore open(Path file, Clock clock, boolean fsync) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            // "retry:" reopens the file when a thread is interrupted during I/O (a cancelled worker), which
            // would otherwise close the file channel and with it the store.
            MVStore store = new MVStore.Builder().fileName("retry:" + file.toAbsolutePath()).autoCommitDisabled().open();
            return new EmbeddedDocumentStore(store, clock, fsync);
        } catch (IOException | MVStoreException e) {
            throw new DatabaseException("cannot open the embedded store " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public DocumentContainer container(ContainerSpec spec) {
        return containers.computeIfAbsent(spec.name(), name -> new EmbeddedContainer(this, spec));
    }

    MVStore mvStore() {
        return store;
    }

    Clock clock() {
        return clock;
    }

    /** Makes the writes since the last commit durable, as one atomic step. Called with the store's write lock held. */
    void commit() {
        store.commit();
        if (fsync) {
            store.sync();
        }
    }

    /** Writers take this lock, so that each check-and-write and its commit are one atomic step. */
    Object writeLock() {
        return this;
    }

    @Override
    public void close() {
        synchronized (writeLock()) {
            if (!store.isClosed()) {
                store.close();
            }
        }
    }
}
