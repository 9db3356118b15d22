package io.aro.rp.cloud;

import io.aro.rp.api.OpenShiftCluster;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How a cluster's federated credentials are named and what they trust: one per operator service account,
 * named after the cluster's infrastructure ID so that a deletion finds them, with the audience OpenShift's
 * projected service account tokens carry.
 */
public final class FederatedCredentials {
    /** The audience of the tokens OpenShift projects for its operators' Azure credentials. */
    public static final String AUDIENCE = "openshift";

    private FederatedCredentials() {
    }

    /** The prefix of every federated credential of {@code cluster}. */
    public static String prefix(OpenShiftCluster cluster) {
        return cluster.getProperties().getInfraId() + "-";
    }

    /**
     * The name of the federated credential of {@code subject} ({@code system:serviceaccount:<ns>:<name>}):
     * the prefix and a hash of the subject (Azure allows 3 to 120 letters, digits, dashes and underscores).
     */
    public static String name(OpenShiftCluster cluster, String subject) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
            return prefix(cluster) + HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
