package io.aro.rp.config;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aro.rp.api.PlatformWorkloadIdentityRoleSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The role sets a new database starts with (ARO's PLATFORM_WORKLOAD_IDENTITY_ROLE_SETS): a JSON array of
 * role sets, from ARO_PLATFORM_WORKLOAD_IDENTITY_ROLE_SETS or, without it, the built-in ones of the
 * OpenShift minor versions this RP installs with workload identity. After the first start SREs manage
 * them through the admin API.
 */
public final class PlatformWorkloadIdentityRoleSetSeed {
    private static final String BUILT_IN = "/platform-workload-identity-role-sets.json";
    private static final TypeReference<List<PlatformWorkloadIdentityRoleSet>> TYPE = new TypeReference<>() {
    };

    private PlatformWorkloadIdentityRoleSetSeed() {
    }

    /** The role sets in {@code file}, or the built-in ones when it is null. */
    public static List<PlatformWorkloadIdentityRoleSet> read(Path file) {
        try (InputStream in = file == null ? PlatformWorkloadIdentityRoleSetSeed.class.getResourceAsStream(BUILT_IN) : Files.newInputStream(file)) {
            List<PlatformWorkloadIdentityRoleSet> roleSets = new ObjectMapper().readValue(in, TYPE);
            for (PlatformWorkloadIdentityRoleSet roleSet : roleSets) {
                if (roleSet.getOpenShiftVersion() == null || !roleSet.getOpenShiftVersion().matches("\\d+\\.\\d+")) {
                    throw new IllegalArgumentException("a role set of " + (file == null ? BUILT_IN : file) + " names no minor version: "
                            + roleSet.getOpenShiftVersion());
                }
            }
            return roleSets;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the platform workload identity role sets " + (file == null ? BUILT_IN : file), e);
        }
    }
}
