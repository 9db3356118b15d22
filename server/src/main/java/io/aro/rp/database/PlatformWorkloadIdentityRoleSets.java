package io.aro.rp.database;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aro.rp.api.PlatformWorkloadIdentityRoleSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The PlatformWorkloadIdentityRoleSets container: per OpenShift minor version, the operators of a
 * workload identity cluster and the roles their identities need (ARO's container of the same name),
 * managed through the admin API. Few documents, partitioned by their own id, the minor version.
 */
public final class PlatformWorkloadIdentityRoleSets extends TypedContainer<PlatformWorkloadIdentityRoleSetDocument> {
    public static final ContainerSpec SPEC = new ContainerSpec("PlatformWorkloadIdentityRoleSets", "/id", List.of(), false);
    private static final int PAGE = 100;

    PlatformWorkloadIdentityRoleSets(DocumentStore store, ObjectMapper json, PreconditionRetry retry) {
        super(store.container(SPEC), json, PlatformWorkloadIdentityRoleSetDocument.class, retry);
    }

    @Override
    String partitionKey(PlatformWorkloadIdentityRoleSetDocument document) {
        return document.getId();
    }

    /** Every role set, by minor version. */
    public List<PlatformWorkloadIdentityRoleSet> list() {
        List<PlatformWorkloadIdentityRoleSet> all = new ArrayList<>();
        String continuation = null;
        do {
            ResultPage<PlatformWorkloadIdentityRoleSetDocument> page = queryDocuments(new Query(null, List.of(), null), continuation, PAGE);
            page.items().forEach(doc -> all.add(doc.getProperties()));
            continuation = page.continuation();
        } while (continuation != null);
        all.sort(Comparator.comparing(PlatformWorkloadIdentityRoleSet::getOpenShiftVersion, PlatformWorkloadIdentityRoleSets::compareMinor));
        return all;
    }

    /** The role set of {@code minorVersion} (for example {@code 4.14}). */
    public Optional<PlatformWorkloadIdentityRoleSet> get(String minorVersion) {
        return getDocument(minorVersion, minorVersion).map(PlatformWorkloadIdentityRoleSetDocument::getProperties);
    }

    /** Stores {@code roleSet} as the role set of its minor version, creating or replacing it. */
    public PlatformWorkloadIdentityRoleSet put(PlatformWorkloadIdentityRoleSet roleSet) {
        String id = roleSet.getOpenShiftVersion();
        try {
            PlatformWorkloadIdentityRoleSetDocument created = new PlatformWorkloadIdentityRoleSetDocument();
            created.setId(id);
            created.setProperties(roleSet);
            return createDocument(created).getProperties();
        } catch (DocumentConflictException e) {
            return patchDocument(id, id, doc -> doc.setProperties(roleSet)).getProperties();
        }
    }

    /**
     * Stores the configured role sets when there are none yet (the first start of an RP): configuration only
     * seeds the database. Several instances starting at once agree: the first write of each role set wins.
     */
    public void seed(List<PlatformWorkloadIdentityRoleSet> roleSets) {
        if (!list().isEmpty()) {
            return;
        }
        for (PlatformWorkloadIdentityRoleSet roleSet : roleSets) {
            PlatformWorkloadIdentityRoleSetDocument document = new PlatformWorkloadIdentityRoleSetDocument();
            document.setId(roleSet.getOpenShiftVersion());
            document.setProperties(roleSet);
            try {
                createDocument(document);
            } catch (DocumentConflictException e) {
                // another instance seeded it first
            }
        }
    }

    private static int compareMinor(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].matches("\\d+") && y[i].matches("\\d+") ? Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i])) : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }
}
