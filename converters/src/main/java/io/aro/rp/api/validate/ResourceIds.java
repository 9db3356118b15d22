package io.aro.rp.api.validate;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Azure resource IDs that cluster properties refer to, matched as ARO matches them. */
public final class ResourceIds {
    private static final String RESOURCE_GROUP = "([-a-z0-9_().]{0,89}[-a-z0-9_()])";
    private static final Pattern RESOURCE_GROUP_ID = Pattern.compile(
            "^/subscriptions/([^/]+)/resourceGroups/" + RESOURCE_GROUP + "$", Pattern.CASE_INSENSITIVE);
    private static final Pattern SUBNET_ID = Pattern.compile(
            "^/subscriptions/([^/]+)/resourceGroups/" + RESOURCE_GROUP
                    + "/providers/Microsoft\\.Network/virtualNetworks/([-a-z0-9_.]{2,64})/subnets/([-a-z0-9_.]{2,80})$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DISK_ENCRYPTION_SET_ID = Pattern.compile(
            "^/subscriptions/([^/]+)/resourceGroups/" + RESOURCE_GROUP
                    + "/providers/Microsoft\\.Compute/diskEncryptionSets/([-a-z0-9_]{1,80})$",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern USER_ASSIGNED_IDENTITY_ID = Pattern.compile(
            "^/subscriptions/([^/]+)/resourceGroups/" + RESOURCE_GROUP
                    + "/providers/Microsoft\\.ManagedIdentity/userAssignedIdentities/([-a-z0-9_]{3,128})$",
            Pattern.CASE_INSENSITIVE);

    private ResourceIds() {
    }

    /** A subnet of a virtual network. */
    public record SubnetId(String id, String subscriptionId, String vnetId) {
    }

    /** The subscription of a resource group ID, or empty when {@code id} is not one. */
    public static Optional<String> resourceGroupSubscription(String id) {
        return subscription(RESOURCE_GROUP_ID, id);
    }

    /** The subscription of a disk encryption set ID, or empty when {@code id} is not one. */
    public static Optional<String> diskEncryptionSetSubscription(String id) {
        return subscription(DISK_ENCRYPTION_SET_ID, id);
    }

    /** The subscription of a user-assigned managed identity's ID, or empty when {@code id} is not one. */
    public static Optional<String> userAssignedIdentitySubscription(String id) {
        return subscription(USER_ASSIGNED_IDENTITY_ID, id);
    }

    /** {@code id} as a subnet, or empty when it is not a subnet ID. */
    public static Optional<SubnetId> subnet(String id) {
        Matcher m = id == null ? null : SUBNET_ID.matcher(id);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new SubnetId(id, m.group(1), id.substring(0, id.toLowerCase().lastIndexOf("/subnets/"))));
    }

    private static Optional<String> subscription(Pattern pattern, String id) {
        Matcher m = id == null ? null : pattern.matcher(id);
        return m != null && m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
