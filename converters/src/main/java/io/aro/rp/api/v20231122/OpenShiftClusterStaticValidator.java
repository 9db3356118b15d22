package io.aro.rp.api.v20231122;

import static io.aro.rp.api.validate.ValidationErrors.invalidParameter;

import io.aro.rp.api.ValidationContext;
import io.aro.rp.api.validate.Cidr;
import io.aro.rp.api.validate.ClusterChecks;
import io.aro.rp.api.validate.ResourceIds.SubnetId;
import io.aro.rp.generated.v20231122.model.APIServerProfile;
import io.aro.rp.generated.v20231122.model.ClusterProfile;
import io.aro.rp.generated.v20231122.model.EncryptionAtHost;
import io.aro.rp.generated.v20231122.model.FipsValidatedModules;
import io.aro.rp.generated.v20231122.model.IngressProfile;
import io.aro.rp.generated.v20231122.model.LoadBalancerProfile;
import io.aro.rp.generated.v20231122.model.MasterProfile;
import io.aro.rp.generated.v20231122.model.NetworkProfile;
import io.aro.rp.generated.v20231122.model.OpenShiftCluster;
import io.aro.rp.generated.v20231122.model.OpenShiftClusterProperties;
import io.aro.rp.generated.v20231122.model.OutboundType;
import io.aro.rp.generated.v20231122.model.PreconfiguredNSG;
import io.aro.rp.generated.v20231122.model.ServicePrincipalProfile;
import io.aro.rp.generated.v20231122.model.Visibility;
import io.aro.rp.generated.v20231122.model.WorkerProfile;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The static rules of 2023-11-22, as ARO applies them today. */
public final class OpenShiftClusterStaticValidator implements io.aro.rp.api.OpenShiftClusterStaticValidator<OpenShiftCluster> {
    /** Control plane sizes: 8 vCPUs or more of the general purpose and memory optimised families. */
    static final Set<String> MASTER_VM_SIZES = Set.of(
            "Standard_D8s_v3", "Standard_D16s_v3", "Standard_D32s_v3",
            "Standard_D8s_v4", "Standard_D16s_v4", "Standard_D32s_v4",
            "Standard_D8s_v5", "Standard_D16s_v5", "Standard_D32s_v5",
            "Standard_D8as_v4", "Standard_D16as_v4", "Standard_D32as_v4",
            "Standard_D8as_v5", "Standard_D16as_v5", "Standard_D32as_v5",
            "Standard_D8ds_v5", "Standard_D16ds_v5", "Standard_D32ds_v5",
            "Standard_E8s_v3", "Standard_E16s_v3", "Standard_E32s_v3",
            "Standard_E8s_v4", "Standard_E16s_v4", "Standard_E32s_v4",
            "Standard_E8s_v5", "Standard_E16s_v5", "Standard_E32s_v5",
            "Standard_E64i_v3", "Standard_E64is_v3", "Standard_E80is_v4", "Standard_E80ids_v4",
            "Standard_E104i_v5", "Standard_E104is_v5", "Standard_E104id_v5", "Standard_E104ids_v5",
            "Standard_F72s_v2", "Standard_M128ms");
    /** Worker sizes: the control plane sizes plus the smaller, compute, storage and GPU sizes ARO supports for workers. */
    static final Set<String> WORKER_VM_SIZES = union(MASTER_VM_SIZES, Set.of(
            "Standard_D4s_v3", "Standard_D4s_v4", "Standard_D4s_v5", "Standard_D4as_v4", "Standard_D4as_v5", "Standard_D4ds_v5",
            "Standard_D64s_v3", "Standard_D64s_v4", "Standard_D64s_v5", "Standard_D64as_v4", "Standard_D64as_v5", "Standard_D96as_v5",
            "Standard_E4s_v3", "Standard_E4s_v4", "Standard_E4s_v5", "Standard_E4as_v4", "Standard_E8as_v4", "Standard_E16as_v4",
            "Standard_E32as_v4", "Standard_E64s_v3", "Standard_E64as_v4", "Standard_E96as_v4",
            "Standard_F4s_v2", "Standard_F8s_v2", "Standard_F16s_v2", "Standard_F32s_v2",
            "Standard_L4s", "Standard_L8s", "Standard_L16s", "Standard_L32s",
            "Standard_L8s_v2", "Standard_L16s_v2", "Standard_L32s_v2", "Standard_L48s_v2", "Standard_L64s_v2",
            "Standard_NC4as_T4_v3", "Standard_NC8as_T4_v3", "Standard_NC16as_T4_v3", "Standard_NC64as_T4_v3"));
    static final int MIN_WORKERS = 2;
    static final int MAX_WORKERS = 50;
    private static final int MAX_POD_PREFIX = 18;
    private static final int MAX_SERVICE_PREFIX = 22;
    private static final int MIN_MANAGED_OUTBOUND_IPS = 1;
    private static final int MAX_MANAGED_OUTBOUND_IPS = 20;
    private static final List<String> ENABLED_DISABLED = List.of("Disabled", "Enabled");

    @Override
    public void validate(OpenShiftCluster oc, ValidationContext context, boolean isCreate) {
        ClusterChecks.resourceIdentity(oc.getId(), oc.getName(), oc.getType(), oc.getLocation(), context);
        OpenShiftClusterProperties p = Objects.requireNonNullElseGet(oc.getProperties(), OpenShiftClusterProperties::new);
        validateClusterProfile("properties.clusterProfile", Objects.requireNonNullElseGet(p.getClusterProfile(), ClusterProfile::new),
                context, isCreate);
        validateServicePrincipalProfile("properties.servicePrincipalProfile",
                Objects.requireNonNullElseGet(p.getServicePrincipalProfile(), ServicePrincipalProfile::new), isCreate);
        Visibility apiServerVisibility = Objects.requireNonNullElseGet(p.getApiserverProfile(), APIServerProfile::new).getVisibility();
        Visibility ingressVisibility = p.getIngressProfiles() == null || p.getIngressProfiles().isEmpty()
                || p.getIngressProfiles().get(0) == null ? null : p.getIngressProfiles().get(0).getVisibility();
        validateNetworkProfile("properties.networkProfile", Objects.requireNonNullElseGet(p.getNetworkProfile(), NetworkProfile::new),
                apiServerVisibility, ingressVisibility, isCreate);
        MasterProfile master = Objects.requireNonNullElseGet(p.getMasterProfile(), MasterProfile::new);
        SubnetId masterSubnet = validateMasterProfile("properties.masterProfile", master, context);
        ClusterChecks.visibility("properties.apiserverProfile.visibility", apiServerVisibility);
        validateWorkerProfiles("properties.workerProfiles", p.getWorkerProfiles(), master, masterSubnet);
        validateIngressProfiles("properties.ingressProfiles", p.getIngressProfiles());
    }

    private static void validateClusterProfile(String path, ClusterProfile cp, ValidationContext context, boolean isCreate) {
        ClusterChecks.pullSecret(path + ".pullSecret", cp.getPullSecret());
        // Clusters created before the letter-first rule keep their domains, so updates check RFC 1123 only.
        ClusterChecks.domain(path + ".domain", cp.getDomain(), isCreate, context);
        ClusterChecks.version(path + ".version", cp.getVersion());
        ClusterChecks.clusterResourceGroup(path + ".resourceGroupId", cp.getResourceGroupId(), context);
        ClusterChecks.optionalValue(path + ".fipsValidatedModules", cp.getFipsValidatedModules(), names(FipsValidatedModules.values()));
    }

    private static void validateServicePrincipalProfile(String path, ServicePrincipalProfile spp, boolean isCreate) {
        ClusterChecks.clientId(path + ".clientId", spp.getClientId());
        ClusterChecks.clientSecret(path + ".clientSecret", spp.getClientSecret(), isCreate);
    }

    private static void validateNetworkProfile(String path, NetworkProfile np, Visibility apiServerVisibility,
            Visibility ingressVisibility, boolean isCreate) {
        Cidr pod = ClusterChecks.cidr(path + ".podCidr", np.getPodCidr(), "pod", MAX_POD_PREFIX);
        Cidr service = ClusterChecks.cidr(path + ".serviceCidr", np.getServiceCidr(), "service", MAX_SERVICE_PREFIX);
        if (isCreate) {
            ClusterChecks.notReserved(path + ".podCidr", pod);
            ClusterChecks.notReserved(path + ".serviceCidr", service);
        }
        ClusterChecks.noOverlap(path + ".serviceCidr", service, pod);

        OutboundType outboundType = np.getOutboundType();
        if (outboundType != null && !outboundType.isKnown()) {
            throw invalidParameter(path + ".outboundType",
                    "The provided outboundType '%s' is invalid: must be UserDefinedRouting or Loadbalancer.", outboundType);
        }
        boolean userDefinedRouting = OutboundType.USER_DEFINED_ROUTING.equals(outboundType);
        if (userDefinedRouting && (!Visibility.PRIVATE.equals(apiServerVisibility) || !Visibility.PRIVATE.equals(ingressVisibility))) {
            throw invalidParameter(path + ".outboundType",
                    "The provided outboundType '%s' is invalid: cannot use UserDefinedRouting if either API Server Visibility or Ingress Visibility is public.",
                    outboundType);
        }
        LoadBalancerProfile lb = np.getLoadBalancerProfile();
        if (lb != null && lb.getManagedOutboundIps() != null) {
            if (userDefinedRouting) {
                throw invalidParameter(path + ".loadBalancerProfile",
                        "The provided loadBalancerProfile is invalid: cannot use a loadBalancerProfile if outboundType is UserDefinedRouting.");
            }
            Integer count = lb.getManagedOutboundIps().getCount();
            if (count == null || count < MIN_MANAGED_OUTBOUND_IPS || count > MAX_MANAGED_OUTBOUND_IPS) {
                throw invalidParameter(path + ".loadBalancerProfile.managedOutboundIps.count",
                        "The provided managedOutboundIps.count %s is invalid: managedOutboundIps.count must be in the range of %d to %d (inclusive).",
                        count, MIN_MANAGED_OUTBOUND_IPS, MAX_MANAGED_OUTBOUND_IPS);
            }
        }
        ClusterChecks.optionalValue(path + ".preconfiguredNSG", np.getPreconfiguredNSG(), names(PreconfiguredNSG.values()));
    }

    private static SubnetId validateMasterProfile(String path, MasterProfile mp, ValidationContext context) {
        ClusterChecks.vmSize(path + ".vmSize", mp.getVmSize(), MASTER_VM_SIZES, "master");
        SubnetId subnet = ClusterChecks.masterSubnet(path + ".subnetId", mp.getSubnetId(), context);
        ClusterChecks.optionalValue(path + ".encryptionAtHost", mp.getEncryptionAtHost(), ENABLED_DISABLED);
        ClusterChecks.diskEncryptionSet(path + ".diskEncryptionSetId", mp.getDiskEncryptionSetId(), "master", context);
        return subnet;
    }

    private static void validateWorkerProfiles(String path, List<WorkerProfile> profiles, MasterProfile master, SubnetId masterSubnet) {
        ClusterChecks.oneWorkerProfile(path, profiles);
        WorkerProfile wp = Objects.requireNonNullElseGet(profiles.get(0), WorkerProfile::new);
        String at = path + "['" + Objects.toString(wp.getName(), "") + "']";
        ClusterChecks.workerName(at + ".name", wp.getName());
        ClusterChecks.vmSize(at + ".vmSize", wp.getVmSize(), WORKER_VM_SIZES, "worker");
        ClusterChecks.diskSize(at + ".diskSizeGB", wp.getDiskSizeGB());
        ClusterChecks.workerSubnet(at + ".subnetId", wp.getSubnetId(), masterSubnet);
        ClusterChecks.optionalValue(at + ".encryptionAtHost", wp.getEncryptionAtHost(), names(EncryptionAtHost.values()));
        ClusterChecks.workerCount(at + ".count", wp.getCount(), MIN_WORKERS, MAX_WORKERS);
        if (!Objects.toString(master.getDiskEncryptionSetId(), "").equalsIgnoreCase(Objects.toString(wp.getDiskEncryptionSetId(), ""))) {
            throw invalidParameter(at + ".diskEncryptionSetId",
                    "The provided worker disk encryption set '%s' is invalid: must be the same as master disk encryption set '%s'.",
                    wp.getDiskEncryptionSetId(), master.getDiskEncryptionSetId());
        }
    }

    private static void validateIngressProfiles(String path, List<IngressProfile> profiles) {
        IngressProfile first = profiles == null || profiles.isEmpty() ? new IngressProfile()
                : Objects.requireNonNullElseGet(profiles.get(0), IngressProfile::new);
        ClusterChecks.oneDefaultIngressProfile(path, profiles, first.getName());
        ClusterChecks.visibility(path + "['" + first.getName() + "'].visibility", first.getVisibility());
    }

    private static List<String> names(List<?> values) {
        return values.stream().map(Object::toString).toList();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
