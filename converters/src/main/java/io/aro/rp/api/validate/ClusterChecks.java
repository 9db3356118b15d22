package io.aro.rp.api.validate;

import static io.aro.rp.api.validate.ValidationErrors.badRequest;
import static io.aro.rp.api.validate.ValidationErrors.invalidParameter;

import com.fasterxml.jackson.databind.JsonNode;
import io.aro.rp.api.CloudErrorCodes;
import io.aro.rp.api.ResourceNames;
import io.aro.rp.api.ValidationContext;
import io.aro.rp.api.validate.ResourceIds.SubnetId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The static checks that API versions share, each on plain values and a JSON path, so that every
 * version's validator reads as its list of rules while the rules themselves live once. Each check
 * throws the 400 CloudError that ARO answers with, its target the given path.
 */
public final class ClusterChecks {
    private static final Pattern UUID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Pattern VERSION = Pattern.compile("^\\d+\\.\\d+\\.\\d+$");
    /** Ranges that OpenShift uses itself (OVN join and transit switches, Azure's metadata services). */
    private static final List<Cidr> RESERVED = List.of(
            Cidr.parse("100.64.0.0/16"), Cidr.parse("169.254.169.0/29"), Cidr.parse("100.88.0.0/16"));
    /** Ranges no cluster network may use: this network, loopback, link-local, multicast, and the reserved and broadcast block. */
    private static final Map<String, Cidr> SPECIAL_PURPOSE = Map.of(
            "this network", Cidr.parse("0.0.0.0/8"), "loopback", Cidr.parse("127.0.0.0/8"), "link-local", Cidr.parse("169.254.0.0/16"),
            "multicast", Cidr.parse("224.0.0.0/4"), "reserved", Cidr.parse("240.0.0.0/4"));
    private static final List<String> VISIBILITIES = List.of("Private", "Public");
    private static final int MIN_DISK_SIZE_GB = 128;

    private ClusterChecks() {
    }

    /** The resource's id, name and type must be those of the URL, and its location the RP's. */
    public static void resourceIdentity(String id, String name, String type, String location, ValidationContext context) {
        if (id != null && !id.equalsIgnoreCase(context.resourceId())) {
            throw badRequest(CloudErrorCodes.MISMATCHING_RESOURCE_ID, "id",
                    "The provided resource ID '%s' did not match the name in the Url '%s'.", id, context.resourceId());
        }
        if (name != null && !name.equalsIgnoreCase(context.resourceName())) {
            throw badRequest(CloudErrorCodes.MISMATCHING_RESOURCE_NAME, "name",
                    "The provided resource name '%s' did not match the name in the Url '%s'.", name, context.resourceName());
        }
        if (type != null && !type.equalsIgnoreCase(ResourceNames.RESOURCE_TYPE)) {
            throw badRequest(CloudErrorCodes.MISMATCHING_RESOURCE_TYPE, "type",
                    "The provided resource type '%s' did not match the name in the Url '%s'.", type, ResourceNames.RESOURCE_TYPE);
        }
        if (!context.isRpLocation(location)) {
            throw invalidParameter("location", "The provided location '%s' is invalid.", location);
        }
    }

    /** A pull secret, when given, must be JSON with an {@code auths} object. */
    public static void pullSecret(String path, String pullSecret) {
        if (pullSecret != null && !pullSecret.isEmpty() && !PullSecrets.isValid(pullSecret)) {
            throw invalidParameter(path, "The provided pull secret is invalid.");
        }
    }

    /**
     * A cluster domain must be an RFC 1123 domain name (starting with a letter when {@code letterFirst})
     * and, under the RP's managed parent domain, exactly one label under the RP's managed domain.
     */
    public static void domain(String path, String domain, boolean letterFirst, ValidationContext context) {
        boolean valid = letterFirst ? DomainNames.isRfc1123StartingWithLetter(domain) : DomainNames.isRfc1123(domain);
        if (!valid || !DomainNames.fitsManagedDomain(domain, context.managedDomain())) {
            throw invalidParameter(path, "The provided domain '%s' is invalid.", domain);
        }
    }

    /** An OpenShift version, when given, must be major.minor.patch. */
    public static void version(String path, String version) {
        if (version != null && !version.isEmpty() && !VERSION.matcher(version).matches()) {
            throw invalidParameter(path, "The provided version '%s' is invalid.", version);
        }
    }

    /** The cluster's resource group must be in the cluster's subscription but not hold the cluster resource. */
    public static void clusterResourceGroup(String path, String resourceGroupId, ValidationContext context) {
        String subscription = ResourceIds.resourceGroupSubscription(resourceGroupId).orElseThrow(
                () -> invalidParameter(path, "The provided resource group '%s' is invalid.", resourceGroupId));
        if (!subscription.equalsIgnoreCase(context.subscriptionId())) {
            throw invalidParameter(path, "The provided resource group '%s' is invalid: must be in same subscription as cluster.",
                    resourceGroupId);
        }
        if (resourceGroupId.equalsIgnoreCase(context.resourceGroupId())) {
            throw invalidParameter(path,
                    "The provided resource group '%s' is invalid: must be different from resourceGroup of the OpenShift cluster object.",
                    resourceGroupId);
        }
    }

    /** A service principal's client ID must be a UUID. */
    public static void clientId(String path, String clientId) {
        if (clientId == null || !UUID.matcher(clientId).matches()) {
            throw invalidParameter(path, "The provided client ID '%s' is invalid.", clientId);
        }
    }

    /** A new cluster needs a client secret; an update that leaves it out keeps the current one. */
    public static void clientSecret(String path, String clientSecret, boolean isCreate) {
        if (isCreate && (clientSecret == null || clientSecret.isEmpty())) {
            throw invalidParameter(path, "The provided client secret is invalid.");
        }
    }

    /**
     * A pod or service CIDR: IPv4, at most {@code maxPrefixLength} bits of prefix, no host bits set.
     *
     * @param kind "pod" or "service", for the message
     */
    public static Cidr cidr(String path, String value, String kind, int maxPrefixLength) {
        Cidr cidr;
        try {
            cidr = Cidr.parse(value);
        } catch (IllegalArgumentException e) {
            throw invalidParameter(path, "The provided %s CIDR '%s' is invalid: '%s'.", kind, value, e.getMessage());
        }
        if (!cidr.isIPv4()) {
            throw invalidParameter(path, "The provided %s CIDR '%s' is invalid: must be IPv4.", kind, value);
        }
        if (cidr.prefixLength() > maxPrefixLength) {
            throw invalidParameter(path, "The provided %s CIDR '%s' is invalid: must be /%d or larger.", kind, value, maxPrefixLength);
        }
        if (!cidr.isNetworkAligned()) {
            throw badRequest(CloudErrorCodes.INVALID_NETWORK_ADDRESS, path,
                    "The provided %s CIDR '%s' is invalid, expecting: '%s'.", kind, value, cidr.network());
        }
        return cidr;
    }

    /** The service CIDR must not overlap the pod CIDR. */
    public static void noOverlap(String path, Cidr service, Cidr pod) {
        if (service.overlaps(pod)) {
            throw invalidParameter(path, "The provided service CIDR '%s' is invalid: must not overlap with pod CIDR '%s'.", service, pod);
        }
    }

    /** A CIDR must not overlap the ranges OpenShift reserves for itself. */
    /** A pod or service network must be ordinary unicast space: not loopback, link-local, multicast or reserved. */
    public static void notSpecialPurpose(String path, Cidr cidr, String kind) {
        SPECIAL_PURPOSE.forEach((name, range) -> {
            if (cidr.overlaps(range)) {
                throw invalidParameter(path, "The provided %s CIDR '%s' is invalid: it overlaps the %s range %s.", kind, cidr, name, range);
            }
        });
    }

    /**
     * No string of a request carries a control character (NUL, escapes, DEL), which none of the API's values
     * has; tabs and line breaks are left to each property's own rule (a pull secret is JSON, and may span lines).
     */
    public static void noControlCharacters(String path, JsonNode node) {
        if (node.isTextual()) {
            if (node.textValue().chars().anyMatch(c -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f)) {
                throw invalidParameter(path, "The provided value of '%s' is invalid: it contains a control character.", path);
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(field -> noControlCharacters(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue()));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                noControlCharacters(path + "[" + i + "]", node.get(i));
            }
        }
    }

    public static void notReserved(String path, Cidr cidr) {
        for (Cidr reserved : RESERVED) {
            if (cidr.overlaps(reserved)) {
                throw badRequest(CloudErrorCodes.INVALID_CIDR_RANGE, path,
                        "Azure Red Hat OpenShift uses 100.64.0.0/16, 169.254.169.0/29, and 100.88.0.0/16 IP address ranges internally. "
                                + "Do not include this '%s' IP address range in any other CIDR definitions in your cluster.", cidr);
            }
        }
    }

    /** A VM size must be one of those allowed for the role. */
    public static void vmSize(String path, String vmSize, Collection<String> allowed, String role) {
        if (vmSize == null || !allowed.contains(vmSize)) {
            throw invalidParameter(path, "The provided %s VM size '%s' is invalid.", role, vmSize);
        }
    }

    /** The master subnet must be a subnet ID in the cluster's subscription. */
    public static SubnetId masterSubnet(String path, String subnetId, ValidationContext context) {
        SubnetId subnet = ResourceIds.subnet(subnetId).orElseThrow(
                () -> invalidParameter(path, "The provided master VM subnet '%s' is invalid.", subnetId));
        if (!subnet.subscriptionId().equalsIgnoreCase(context.subscriptionId())) {
            throw invalidParameter(path, "The provided master VM subnet '%s' is invalid: must be in same subscription as cluster.",
                    subnetId);
        }
        return subnet;
    }

    /** A worker subnet must be a subnet of the master's virtual network, other than the master subnet. */
    public static void workerSubnet(String path, String subnetId, SubnetId master) {
        SubnetId subnet = ResourceIds.subnet(subnetId).orElseThrow(
                () -> invalidParameter(path, "The provided worker VM subnet '%s' is invalid.", subnetId));
        if (!subnet.vnetId().equalsIgnoreCase(master.vnetId())) {
            throw invalidParameter(path, "The provided worker VM subnet '%s' is invalid: must be in the same vnet as master VM subnet '%s'.",
                    subnetId, master.id());
        }
        if (subnet.id().equalsIgnoreCase(master.id())) {
            throw invalidParameter(path, "The provided worker VM subnet '%s' is invalid: must be different to master VM subnet '%s'.",
                    subnetId, master.id());
        }
    }

    /** A disk encryption set, when given, must be one in the cluster's subscription. */
    public static void diskEncryptionSet(String path, String id, String role, ValidationContext context) {
        if (id == null || id.isEmpty()) {
            return;
        }
        String subscription = ResourceIds.diskEncryptionSetSubscription(id).orElseThrow(
                () -> invalidParameter(path, "The provided %s disk encryption set '%s' is invalid.", role, id));
        if (!subscription.equalsIgnoreCase(context.subscriptionId())) {
            throw invalidParameter(path, "The provided %s disk encryption set '%s' is invalid: must be in same subscription as cluster.",
                    role, id);
        }
    }

    /** There must be exactly one worker profile. */
    public static void oneWorkerProfile(String path, int count) {
        if (count != 1) {
            throw invalidParameter(path, "There should be exactly one worker profile.");
        }
    }

    /** The worker profile must be named {@code worker}. */
    public static void workerName(String path, String name) {
        if (!"worker".equals(name)) {
            throw invalidParameter(path, "The provided worker name '%s' is invalid.", name);
        }
    }

    /** A worker's OS disk must be at least 128 GiB. */
    public static void diskSize(String path, Integer diskSizeGB) {
        if (diskSizeGB == null || diskSizeGB < MIN_DISK_SIZE_GB) {
            throw invalidParameter(path, "The provided worker disk size '%s' is invalid.", diskSizeGB);
        }
    }

    /** The number of workers must be within the API version's bounds. */
    public static void workerCount(String path, Integer count, int min, int max) {
        if (count == null || count < min || count > max) {
            throw invalidParameter(path, "The provided worker count '%s' is invalid.", count);
        }
    }

    /** There must be exactly one ingress profile, named {@code default}. */
    public static void oneDefaultIngressProfile(String path, int count, String firstName) {
        if (count != 1) {
            throw invalidParameter(path, "There should be exactly one ingress profile.");
        }
        if (!"default".equals(firstName)) {
            throw invalidParameter(path + "['" + Objects.toString(firstName, "") + "'].name", "The provided ingress name '%s' is invalid.", firstName);
        }
    }

    /** A visibility must be Public or Private. */
    public static void visibility(String path, Object visibility) {
        String value = visibility == null ? null : visibility.toString();
        if (value == null || !VISIBILITIES.contains(value)) {
            throw invalidParameter(path, "The provided visibility '%s' is invalid.", value);
        }
    }

    /** An optional enumerated value must be one of {@code allowed}. */
    public static void optionalValue(String path, Object value, List<String> allowed) {
        if (value != null && !allowed.contains(value.toString())) {
            throw invalidParameter(path, "The provided value '%s' is invalid.", value);
        }
    }
}
