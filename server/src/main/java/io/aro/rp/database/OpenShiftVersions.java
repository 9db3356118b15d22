package io.aro.rp.database;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aro.rp.api.OpenShiftVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The OpenShiftVersions container: the versions the RP can install, with their images, managed through
 * the admin API (ARO's OpenShiftVersions). Few documents, partitioned by their own id, the version.
 */
public final class OpenShiftVersions extends TypedContainer<OpenShiftVersionDocument> {
    public static final ContainerSpec SPEC = new ContainerSpec("OpenShiftVersions", "/id", List.of(), false);
    private static final int PAGE = 100;

    OpenShiftVersions(DocumentStore store, ObjectMapper json, PreconditionRetry retry) {
        super(store.container(SPEC), json, OpenShiftVersionDocument.class, retry);
    }

    @Override
    String partitionKey(OpenShiftVersionDocument document) {
        return document.getId();
    }

    /** Every version, in version order. */
    public List<OpenShiftVersionDocument> list() {
        List<OpenShiftVersionDocument> all = new ArrayList<>();
        String continuation = null;
        do {
            ResultPage<OpenShiftVersionDocument> page = queryDocuments(new Query(null, List.of(), null), continuation, PAGE);
            all.addAll(page.items());
            continuation = page.continuation();
        } while (continuation != null);
        all.sort(Comparator.comparing(d -> new VersionOrder(d.getProperties().getVersion())));
        return all;
    }

    /** The version, enabled or not: a cluster created with it can still be installed after it is disabled. */
    public Optional<OpenShiftVersion> get(String version) {
        return getDocument(version, version).map(OpenShiftVersionDocument::toVersion);
    }

    /**
     * Stores {@code properties} as the record of its version, creating or replacing it; when it is the
     * default, no other version stays the default.
     */
    public OpenShiftVersionDocument put(OpenShiftVersionDocument.Properties properties) {
        String id = properties.getVersion();
        OpenShiftVersionDocument written;
        try {
            OpenShiftVersionDocument created = new OpenShiftVersionDocument();
            created.setId(id);
            created.setProperties(properties);
            written = createDocument(created);
        } catch (DocumentConflictException e) {
            written = patchDocument(id, id, doc -> doc.setProperties(properties));
        }
        if (properties.isDefault()) {
            for (OpenShiftVersionDocument other : list()) {
                if (!other.getId().equals(id) && other.getProperties().isDefault()) {
                    patchDocument(other.getId(), other.getId(), doc -> doc.getProperties().setDefault(false));
                }
            }
        }
        return written;
    }

    /**
     * Stores the configured versions when there are none yet (the first start of an RP): ARO_INSTALLABLE_VERSIONS
     * only seeds the database. Several instances starting at once agree: the first write of each version wins.
     */
    public void seed(List<OpenShiftVersion> versions, String defaultVersion) {
        if (!list().isEmpty()) {
            return;
        }
        for (OpenShiftVersion version : versions) {
            OpenShiftVersionDocument document = new OpenShiftVersionDocument();
            document.setId(version.version());
            document.getProperties().setVersion(version.version());
            document.getProperties().setEnabled(true);
            document.getProperties().setDefault(version.version().equals(defaultVersion));
            document.getProperties().setOpenShiftPullspec(version.openShiftPullspec());
            document.getProperties().setInstallerPullspec(version.installerPullspec());
            try {
                createDocument(document);
            } catch (DocumentConflictException e) {
                // another instance seeded it first
            }
        }
    }

    /** Versions compared by their numbers, so that 4.9 comes before 4.10. */
    private record VersionOrder(String version) implements Comparable<VersionOrder> {
        @Override
        public int compareTo(VersionOrder other) {
            String[] a = version.split("[.-]");
            String[] b = other.version.split("[.-]");
            for (int i = 0; i < Math.min(a.length, b.length); i++) {
                int c = a[i].matches("\\d+") && b[i].matches("\\d+") ? Long.compare(Long.parseLong(a[i]), Long.parseLong(b[i])) : a[i].compareTo(b[i]);
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(a.length, b.length);
        }
    }
}
