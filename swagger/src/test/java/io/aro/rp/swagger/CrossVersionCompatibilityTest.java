package io.aro.rp.swagger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The breaking-change check of each stable version against the one before it (the specs repository's
 * cross-version check): every change it reports must be approved, with its reason, in
 * {@code approved-breaking-changes.txt}.
 */
class CrossVersionCompatibilityTest {
    private static final Path APPROVED = Path.of("approved-breaking-changes.txt").toAbsolutePath();

    /** The approved changes of {@code version}. */
    private static Set<String> approved(String version) {
        Set<String> changes = new TreeSet<>();
        try {
            for (String line : Files.readAllLines(APPROVED)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split(" \\| ");
                if (fields.length != 3 || fields[2].isBlank()) {
                    throw new IllegalStateException("an approval needs a version, a change and a reason: " + line);
                }
                if (fields[0].equals(version)) {
                    changes.add(fields[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return changes;
    }

    private static Set<String> unapproved(Path specification, String previous, String version) {
        Set<String> changes = new TreeSet<>(SpecCompatibility.breakingChanges(Specs.spec(previous), Specs.spec(specification, version)));
        changes.removeAll(approved(version));
        return changes;
    }

    @Test
    void everyChangeFromThePreviousVersionIsApprovedAndEveryApprovalStillApplies() {
        for (int i = 1; i < Specs.VERSIONS.size(); i++) {
            String previous = Specs.VERSIONS.get(i - 1);
            String version = Specs.VERSIONS.get(i);
            Set<String> changes = new TreeSet<>(SpecCompatibility.breakingChanges(Specs.spec(previous), Specs.spec(version)));
            Set<String> stale = new TreeSet<>(approved(version));
            stale.removeAll(changes);
            assertEquals(Set.of(), stale, "approved changes of " + version + " that no longer occur");
            changes.removeAll(approved(version));
            assertEquals(Set.of(), changes, "breaking changes from " + previous + " to " + version + " without approval");
        }
    }

    @Test
    void theApprovedChangesAreTheOnesAroPublished() {
        List<String> versions = Specs.VERSIONS;
        assumeTrue(Files.exists(Specs.published(versions.get(0))),
                "the published ARO specs are not beside this checkout (" + Specs.PUBLISHED + "); skipping the comparison");
        for (int i = 1; i < versions.size(); i++) {
            Set<String> published = new TreeSet<>(SpecCompatibility.breakingChanges(Specs.published(versions.get(i - 1)),
                    Specs.published(versions.get(i))));
            Set<String> ours = approved(versions.get(i));
            List<String> beyond = new ArrayList<>(ours);
            beyond.removeAll(published);
            assertEquals(List.of(), beyond, "approved changes that ARO's published " + versions.get(i) + " did not make");
        }
    }

    @Test
    void aDeliberateBreakOfTheNewestVersionFailsTheGate(@TempDir Path dir) {
        String previous = Specs.VERSIONS.get(Specs.VERSIONS.size() - 2);
        String newest = Specs.VERSIONS.get(Specs.VERSIONS.size() - 1);
        Path copy = Specs.copy(dir);
        assertEquals(Set.of(), unapproved(copy, previous, newest));

        Specs.edit(Specs.spec(copy, newest), "\"podCidr\": {", "\"podCIDR\": {");
        Set<String> changes = unapproved(copy, previous, newest);
        assertFalse(changes.isEmpty());
        assertTrue(changes.stream().anyMatch(c -> c.contains("NetworkProfile.podCidr: property removed")), changes.toString());
    }
}
