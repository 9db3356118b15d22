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
 * <p>A write is acknowledged once an MVStore commit holds it ({@link #awaitDurable}); a commit takes
 * whole writes only, so a crashed process leaves either the old or the new document. With {@code fsync}
 * the commit is also forced to the disk before the acknowledgement, so that a power loss loses nothing
 * either; without it, a process crash loses nothing but a machine crash may lose the last writes.
 * Concurrent writers share one commit and one fsync. One process opens the file at a time (MVStore locks it), so several RP processes share
 * state through Cosmos DB, not through this store.
 */
public final class EmbeddedDocumentStore implements DocumentStore {
    private final MVStore store;
    private final Clock clock;
    private final boolean fsync;
    private final Map<String, EmbeddedContainer> containers = new ConcurrentHashMap<>();
    /** Guards {@link #durableVersion} and {@link #committing}: who commits next, and what is durable. */
    private final Object durability = new Object();
    private long durableVersion = -1;
    private boolean committing;

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

    /** The version that the writes made so far will be committed in; read with the write lock held, right after a write. */
    long pendingVersion() {
        return store.getCurrentVersion();
    }

    /**
     * Returns once the writes of {@code version} are committed and, with fsync, on disk: a writer answers
     * only then. Concurrent writers share commits (group commit): one of them commits everything written so
     * far, under the write lock so that no write is half in, and forces it to disk outside it, while the
     * others wait for that commit or take the next one. A burst of writes costs one commit and one fsync,
     * not one each.
     *
     * @throws DatabaseException when the commit fails, or the thread is interrupted before its write is durable
     */
    void awaitDurable(long version) {
        while (true) {
            synchronized (durability) {
                while (durableVersion < version && committing) {
                    try {
                        durability.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new DatabaseException("interrupted before the write was durable", e);
                    }
                }
                if (durableVersion >= version) {
                    return;
                }
                committing = true;
            }
            long committed = -1;
            try {
                synchronized (writeLock()) {
                    // Every write before this point is at a version below the new current one.
                    committed = store.commit() - 1;
                }
                if (fsync) {
                    store.sync();
                }
            } catch (MVStoreException e) {
                throw new DatabaseException("the embedded store could not commit: " + e.getMessage(), e);
            } finally {
                synchronized (durability) {
                    durableVersion = Math.max(durableVersion, committed);
                    committing = false;
                    durability.notifyAll();
                }
            }
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
