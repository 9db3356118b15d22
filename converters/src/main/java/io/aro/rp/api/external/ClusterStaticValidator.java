package io.aro.rp.api.external;

import static io.aro.rp.api.external.ExternalJson.integer;
import static io.aro.rp.api.external.ExternalJson.object;
import static io.aro.rp.api.external.ExternalJson.text;
import static io.aro.rp.api.validate.ValidationErrors.invalidParameter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aro.rp.api.ValidationContext;
import io.aro.rp.api.validate.Cidr;
import io.aro.rp.api.validate.ClusterChecks;
import io.aro.rp.api.validate.ResourceIds.SubnetId;
import io.aro.rp.api.validate.VmSizes;
import java.util.List;
import java.util.Objects;

/**
 * The static rules of a cluster request, on the request's external JSON (ARO's validatestatic). Every API
 * version shares them: a rule on a property applies where the version has the property, so the versions
 * differ only in how a cluster authenticates ({@link Credentials}). Each failure is a 400 CloudError
 * whose target is the path of the property.
 */
public final class ClusterStaticValidator {
    /** How a cluster's operators authenticate to Azure: the rule an API version adds for it. */
    public interface Credentials {
        void validate(ObjectNode cluster, boolean isCreate);
    }

    /** The versions before managed identities: a service principal, always. */
    public static final Credentials SERVICE_PRINCIPAL = (cluster, isCreate) ->
            servicePrincipal(object(object(cluster, "properties"), "servicePrincipalProfile"), isCreate);

    /** The rules of every version up to 2023-11-22. */
    public static final ClusterStaticValidator CORE = new ClusterStaticValidator(SERVICE_PRINCIPAL);

    private static final int MIN_WORKERS = 2;
    private static final int MAX_WORKERS = 50;
    private static final int MAX_POD_PREFIX = 18;
    private static final int MAX_SERVICE_PREFIX = 22;
    private static final int MIN_MANAGED_OUTBOUND_IPS = 1;
    private static final int MAX_MANAGED_OUTBOUND_IPS = 20;
    private static final List<String> ENABLED_DISABLED = List.of("Disabled", "Enabled");
    private static final List<String> OUTBOUND_TYPES = List.of("Loadbalancer", "UserDefinedRouting");

    private final Credentials credentials;

    private ClusterStaticValidator(Credentials credentials) {
        this.credentials = credentials;
    }

    /** These rules with another credentials rule, for a version that adds a way to authenticate. */
    public ClusterStaticValidator withCredentials(Credentials credentials) {
        return new ClusterStaticValidator(Objects.requireNonNull(credentials, "credentials"));
    }

    /**
     * Validates a PUT body, or the cluster a PATCH leaves behind.
     *
     * @param isCreate whether the request creates the cluster: some rules hold for new clusters only
     */
    public void validate(ObjectNode oc, ValidationContext context, boolean isCreate) {
        ClusterChecks.noControlCharacters("", oc);
        ClusterChecks.resourceIdentity(text(oc, "id"), text(oc, "name"), text(oc, "type"), text(oc, "location"), context);
        credentials.validate(oc, isCreate);
        ObjectNode p = orEmpty(object(oc, "properties"));
        validateClusterProfile("properties.clusterProfile", orEmpty(object(p, "clusterProfile")), context, isCreate);
        String apiServerVisibility = text(object(p, "apiserverProfile"), "visibility");
        JsonNode ingressProfiles = p.get("ingressProfiles");
        String ingressVisibility = ingressProfiles != null && ingressProfiles.isArray() ? text(ingressProfiles.get(0), "visibility") : null;
        validateNetworkProfile("properties.networkProfile", orEmpty(object(p, "networkProfile")), apiServerVisibility, ingressVisibility);
        ObjectNode master = orEmpty(object(p, "masterProfile"));
        SubnetId masterSubnet = validateMasterProfile("properties.masterProfile", master, context);
        ClusterChecks.visibility("properties.apiserverProfile.visibility", apiServerVisibility);
        // The worker and ingress profiles are fixed at create (the update policy refuses changes to them).
        if (isCreate) {
            validateWorkerProfiles("properties.workerProfiles", p.get("workerProfiles"), master, masterSubnet);
            validateIngressProfiles("properties.ingressProfiles", ingressProfiles);
        }
    }

    private static void validateClusterProfile(String path, ObjectNode cp, ValidationContext context, boolean isCreate) {
        ClusterChecks.pullSecret(path + ".pullSecret", text(cp, "pullSecret"));
        // Clusters created before the letter-first rule keep their domains, so updates check RFC 1123 only.
        ClusterChecks.domain(path + ".domain", text(cp, "domain"), isCreate, context);
        ClusterChecks.version(path + ".version", text(cp, "version"));
        ClusterChecks.clusterResourceGroup(path + ".resourceGroupId", text(cp, "resourceGroupId"), context);
        ClusterChecks.optionalValue(path + ".fipsValidatedModules", text(cp, "fipsValidatedModules"), ENABLED_DISABLED);
    }

    /** A service principal: a UUID client ID, and a secret for a new cluster (an update that leaves it out keeps it). */
    public static void servicePrincipal(ObjectNode spp, boolean isCreate) {
        String path = "properties.servicePrincipalProfile";
        if (spp == null) {
            throw invalidParameter(path, "ServicePrincipalProfile cannot be nil in this API version.");
        }
        ClusterChecks.clientId(path + ".clientId", text(spp, "clientId"));
        ClusterChecks.clientSecret(path + ".clientSecret", text(spp, "clientSecret"), isCreate);
    }

    private static void validateNetworkProfile(String path, ObjectNode np, String apiServerVisibility, String ingressVisibility) {
        Cidr pod = ClusterChecks.cidr(path + ".podCidr", text(np, "podCidr"), "pod", MAX_POD_PREFIX);
        ClusterChecks.notReserved(path + ".podCidr", pod);
        ClusterChecks.notSpecialPurpose(path + ".podCidr", pod, "pod");
        Cidr service = ClusterChecks.cidr(path + ".serviceCidr", text(np, "serviceCidr"), "service", MAX_SERVICE_PREFIX);
        ClusterChecks.notReserved(path + ".serviceCidr", service);
        ClusterChecks.notSpecialPurpose(path + ".serviceCidr", service, "service");
        ClusterChecks.noOverlap(path + ".serviceCidr", service, pod);

        String outboundType = text(np, "outboundType");
        if (outboundType != null && !OUTBOUND_TYPES.contains(outboundType)) {
            throw invalidParameter(path + ".outboundType",
                    "The provided outboundType '%s' is invalid: must be UserDefinedRouting or Loadbalancer.", outboundType);
        }
        boolean userDefinedRouting = "UserDefinedRouting".equals(outboundType);
        if (userDefinedRouting && (!"Private".equals(apiServerVisibility) || !"Private".equals(ingressVisibility))) {
            throw invalidParameter(path + ".outboundType",
                    "The provided outboundType '%s' is invalid: cannot use UserDefinedRouting if either API Server Visibility or Ingress Visibility is public.",
                    outboundType);
        }
        ObjectNode managedOutboundIps = object(object(np, "loadBalancerProfile"), "managedOutboundIps");
        if (managedOutboundIps != null) {
            if (userDefinedRouting) {
                throw invalidParameter(path + ".loadBalancerProfile",
                        "The provided loadBalancerProfile is invalid: cannot use a loadBalancerProfile if outboundType is UserDefinedRouting.");
            }
            Integer count = integer(managedOutboundIps, "count");
            if (count == null || count < MIN_MANAGED_OUTBOUND_IPS || count > MAX_MANAGED_OUTBOUND_IPS) {
                throw invalidParameter(path + ".loadBalancerProfile.managedOutboundIps.count",
                        "The provided managedOutboundIps.count %s is invalid: managedOutboundIps.count must be in the range of %d to %d (inclusive).",
                        count, MIN_MANAGED_OUTBOUND_IPS, MAX_MANAGED_OUTBOUND_IPS);
            }
        }
        ClusterChecks.optionalValue(path + ".preconfiguredNSG", text(np, "preconfiguredNSG"), ENABLED_DISABLED);
    }

    private static SubnetId validateMasterProfile(String path, ObjectNode mp, ValidationContext context) {
        ClusterChecks.vmSize(path + ".vmSize", text(mp, "vmSize"), VmSizes.MASTER, "master");
        SubnetId subnet = ClusterChecks.masterSubnet(path + ".subnetId", text(mp, "subnetId"), context);
        ClusterChecks.optionalValue(path + ".encryptionAtHost", text(mp, "encryptionAtHost"), ENABLED_DISABLED);
        ClusterChecks.diskEncryptionSet(path + ".diskEncryptionSetId", text(mp, "diskEncryptionSetId"), "master", context);
        return subnet;
    }

    private static void validateWorkerProfiles(String path, JsonNode profiles, ObjectNode master, SubnetId masterSubnet) {
        ClusterChecks.oneWorkerProfile(path, profiles != null && profiles.isArray() ? profiles.size() : 0);
        ObjectNode wp = orEmpty(profiles.get(0) instanceof ObjectNode o ? o : null);
        String name = text(wp, "name");
        String at = path + "['" + Objects.toString(name, "") + "']";
        ClusterChecks.workerName(at + ".name", name);
        ClusterChecks.vmSize(at + ".vmSize", text(wp, "vmSize"), VmSizes.WORKER, "worker");
        ClusterChecks.diskSize(at + ".diskSizeGB", integer(wp, "diskSizeGB"));
        ClusterChecks.workerSubnet(at + ".subnetId", text(wp, "subnetId"), masterSubnet);
        ClusterChecks.optionalValue(at + ".encryptionAtHost", text(wp, "encryptionAtHost"), ENABLED_DISABLED);
        ClusterChecks.workerCount(at + ".count", integer(wp, "count"), MIN_WORKERS, MAX_WORKERS);
        String masterSet = Objects.toString(text(master, "diskEncryptionSetId"), "");
        String workerSet = Objects.toString(text(wp, "diskEncryptionSetId"), "");
        if (!masterSet.equalsIgnoreCase(workerSet)) {
            throw invalidParameter(at + ".diskEncryptionSetId",
                    "The provided worker disk encryption set '%s' is invalid: must be the same as master disk encryption set '%s'.",
                    workerSet, masterSet);
        }
    }

    private static void validateIngressProfiles(String path, JsonNode profiles) {
        int count = profiles != null && profiles.isArray() ? profiles.size() : 0;
        String name = count == 0 ? null : text(profiles.get(0), "name");
        ClusterChecks.oneDefaultIngressProfile(path, count, name);
        ClusterChecks.visibility(path + "['" + name + "'].visibility", text(profiles.get(0), "visibility"));
    }

    private static ObjectNode orEmpty(ObjectNode node) {
        return node == null ? ExternalJson.MAPPER.createObjectNode() : node;
    }
}
