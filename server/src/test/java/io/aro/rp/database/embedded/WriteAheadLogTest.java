package io.aro.rp.database.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aro.rp.database.ContainerSpec;
import io.aro.rp.database.DatabaseException;
import io.aro.rp.database.DocumentConflictException;
import io.aro.rp.database.DocumentContainer;
import io.aro.rp.database.embedded.WriteAheadLog.Change;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store after a crash: what a killed process leaves on disk is the store file and its log as
 * they are while the store is open, so each test copies them from an open store and opens the copy.
 */
class WriteAheadLogTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ContainerSpec SPEC = new ContainerSpec("Things", "/partitionKey", List.of("/key"), false);

    @TempDir
    Path dir;
    private EmbeddedDocumentStore store;
    private DocumentContainer things;
    private final List<EmbeddedDocumentStore> opened = new ArrayList<>();

    @BeforeEach
    void open() {
        store = open(dir.resolve("live").resolve("rp.db"));
        things = store.container(SPEC);
    }

    @AfterEach
    void closeAll() {
        opened.forEach(EmbeddedDocumentStore::close);
    }

    private EmbeddedDocumentStore open(Path file) {
        EmbeddedDocumentStore opened = EmbeddedDocumentStore.open(file, Clock.systemUTC(), true, failure -> { });
        this.opened.add(opened);
        return opened;
    }

    private static ObjectNode thing(String id, String key) {
        return JSON.createObjectNode().put("id", id).put("partitionKey", "p").put("key", key);
    }

    /** The store's files as a process killed now leaves them, copied to a directory of their own. */
    private Path crashCopy(String name) throws IOException {
        Path copy = dir.resolve(name);
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(dir.resolve("live"))) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return copy.resolve("rp.db");
    }

    private static List<Path> segments(Path file) throws IOException {
        try (Stream<Path> files = Files.list(file.getParent())) {
            return files.filter(p -> p.getFileName().toString().startsWith("rp.db.log.")).sorted().toList();
        }
    }

    @Test
    void acknowledgedWritesSinceTheLastCheckpointSurviveACrash() throws IOException {
        ObjectNode kept = things.create("p", thing("a", "k-a"));
        ObjectNode original = things.create("p", thing("b", "k-0"));
        ObjectNode replaced = things.replace("p", thing("b", "k-b").put("n", 2), original.path("_etag").asText());
        ObjectNode deleted = things.create("p", thing("c", "k-c"));
        things.delete("p", "c", deleted.path("_etag").asText());

        DocumentContainer recovered = open(crashCopy("crashed")).container(SPEC);

        assertEquals(kept.toString(), recovered.read("p", "a").orElseThrow().toString());
        assertEquals(replaced.toString(), recovered.read("p", "b").orElseThrow().toString(), "the replacement, with its ETag");
        assertTrue(recovered.read("p", "c").isEmpty(), "a deleted document stays deleted");
        assertThrows(DocumentConflictException.class, () -> recovered.create("p", thing("d", "k-b")), "unique keys are recovered with their documents");
        recovered.create("p", thing("e", "k-0")); // the replaced document's old unique key is free again
        recovered.create("p", thing("f", "k-c")); // and the deleted one's
    }

    @Test
    void aCheckpointMovesTheWritesIntoTheStoreFileAndEndsTheirLog() throws IOException {
        things.create("p", thing("a", "k-a"));
        List<Path> before = segments(dir.resolve("live").resolve("rp.db"));
        store.checkpoint();
        things.create("p", thing("b", "k-b"));

        List<Path> after = segments(dir.resolve("live").resolve("rp.db"));
        assertEquals(1, after.size(), "one segment after the checkpoint: " + after);
        assertTrue(before.stream().noneMatch(after::contains), "the segment before the checkpoint is gone");
        DocumentContainer recovered = open(crashCopy("crashed")).container(SPEC);
        assertTrue(recovered.read("p", "a").isPresent(), "from the checkpoint");
        assertTrue(recovered.read("p", "b").isPresent(), "from the log");
    }

    @Test
    void aStreamOfWritesKeepsTheChangedPagesInMemoryBounded() {
        // Pages changed since the last checkpoint stay in the heap until a checkpoint writes them; a write that
        // finds too many asks for one rather than waiting for the next periodic check.
        String padding = "x".repeat(256 << 10);
        long most = 0;
        for (int i = 0; i < 400; i++) { // 100 MiB, faster than a periodic check every 200 ms keeps up with
            things.create("p", thing("t-" + i, "k-" + i).put("padding", padding));
            most = Math.max(most, store.mvStore().getUnsavedMemory());
        }
        assertTrue(most < 3 * EmbeddedDocumentStore.CHECKPOINT_MEMORY, "at most " + most + " bytes of changed pages");
    }

    @Test
    void aStoreThatClosedItselfReportsItsFailureOnceAndRefusesCalls() throws IOException {
        List<DatabaseException> failures = new ArrayList<>();
        Path file = dir.resolve("failing").resolve("rp.db");
        EmbeddedDocumentStore failing = EmbeddedDocumentStore.open(file, Clock.systemUTC(), true, failures::add);
        DocumentContainer failingThings = failing.container(SPEC);
        failingThings.create("p", thing("a", "k-a"));
        failing.mvStore().closeImmediately(); // what MVStore does when it fails, as on a full disk

        assertThrows(DatabaseException.class, () -> failingThings.create("p", thing("b", "k-b")));
        assertThrows(DatabaseException.class, () -> failingThings.read("p", "a"), "not an answer from what is left in memory");
        assertEquals(1, failures.size(), "told once: " + failures);
        failing.close();

        DocumentContainer restarted = open(file).container(SPEC);
        assertTrue(restarted.read("p", "a").isPresent(), "the next start replays the log");
    }

    @Test
    void closingTheStoreIsNoFailure() {
        List<DatabaseException> failures = new ArrayList<>();
        EmbeddedDocumentStore closed = EmbeddedDocumentStore.open(dir.resolve("closed").resolve("rp.db"), Clock.systemUTC(), true, failures::add);
        DocumentContainer closedThings = closed.container(SPEC);
        closed.close();

        assertThrows(DatabaseException.class, () -> closedThings.read("p", "a"));
        assertEquals(List.of(), failures);
    }

    @Test
    void aTornLastRecordIsDroppedAndTheStoreWritesOn() throws IOException {
        things.create("p", thing("a", "k-a"));
        things.create("p", thing("b", "k-b"));
        Path copy = crashCopy("crashed");
        Path segment = segments(copy).get(segments(copy).size() - 1);
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            file.setLength(file.length() - 3); // the last record half written when the process died
        }

        EmbeddedDocumentStore recovered = open(copy);
        DocumentContainer recoveredThings = recovered.container(SPEC);
        assertTrue(recoveredThings.read("p", "a").isPresent());
        assertTrue(recoveredThings.read("p", "b").isEmpty(), "the torn write is not there, not even in part");
        recoveredThings.create("p", thing("b2", "k-b"));
        recovered.close();

        DocumentContainer reopened = open(copy).container(SPEC);
        assertTrue(reopened.read("p", "a").isPresent());
        assertTrue(reopened.read("p", "b2").isPresent(), "the log goes on after the dropped record");
    }

    @Test
    void aDamagedRecordBeforeTheLastSegmentRefusesToOpen() throws IOException {
        Path file = dir.resolve("log").resolve("rp.db");
        Files.createDirectories(file.getParent());
        WriteAheadLog log = WriteAheadLog.start(file, 0, true);
        log.awaitDurable(log.append(List.of(new Change("m", "k1", "v1"))));
        log.rotate();
        log.awaitDurable(log.append(List.of(new Change("m", "k2", "v2"), new Change("m", "k1", null))));
        log.close();
        List<Change> replayed = new ArrayList<>();
        assertEquals(2, WriteAheadLog.replay(file, 0, replayed::add));
        assertEquals(List.of(new Change("m", "k1", "v1"), new Change("m", "k2", "v2"), new Change("m", "k1", null)), replayed);
        assertEquals(2, WriteAheadLog.replay(file, 1, change -> { }), "records a checkpoint holds are skipped");

        Path first = segments(file).get(0);
        byte[] bytes = Files.readAllBytes(first);
        bytes[bytes.length - 1] ^= 1;
        Files.write(first, bytes);
        DatabaseException e = assertThrows(DatabaseException.class, () -> WriteAheadLog.replay(file, 0, change -> { }));
        assertTrue(e.getMessage().contains("damaged at byte 0"), "names where the damaged record starts: " + e.getMessage());
    }
}
