package io.aro.rp.api.v20200430;

import io.aro.rp.api.ValidationContext;
import io.aro.rp.api.validate.Cidr;
import io.aro.rp.api.validate.ClusterChecks;
import io.aro.rp.api.validate.ResourceIds.SubnetId;
import io.aro.rp.generated.v20200430.model.APIServerProfile;
import io.aro.rp.generated.v20200430.model.ClusterProfile;
import io.aro.rp.generated.v20200430.model.IngressProfile;
import io.aro.rp.generated.v20200430.model.MasterProfile;
import io.aro.rp.generated.v20200430.model.NetworkProfile;
import io.aro.rp.generated.v20200430.model.OpenShiftCluster;
import io.aro.rp.generated.v20200430.model.OpenShiftClusterProperties;
import io.aro.rp.generated.v20200430.model.ServicePrincipalProfile;
import io.aro.rp.generated.v20200430.model.VMSize;
import io.aro.rp.generated.v20200430.model.WorkerProfile;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** The static rules of 2020-04-30, as ARO applied them when the version was published. */
public final class OpenShiftClusterStaticValidator implements io.aro.rp.api.OpenShiftClusterStaticValidator<OpenShiftCluster> {
    /** Control plane sizes: 8 vCPUs or more of the general purpose families. */
    static final Set<String> MASTER_VM_SIZES = Set.of(
            "Standard_D8s_v3", "Standard_D16s_v3", "Standard_D32s_v3",
            "Standard_D8as_v4", "Standard_D16as_v4", "Standard_D32as_v4");
    /** Worker sizes: every size the 2020-04-30 VMSize enum names. */
    static final Set<String> WORKER_VM_SIZES = VMSize.values().stream().map(VMSize::value).collect(Collectors.toUnmodifiableSet());
    static final int MIN_WORKERS = 3;
    static final int MAX_WORKERS = 20;
    private static final int MAX_POD_PREFIX = 18;
    private static final int MAX_SERVICE_PREFIX = 22;

    @Override
    public void validate(OpenShiftCluster oc, ValidationContext context, boolean isCreate) {
        ClusterChecks.resourceIdentity(oc.getId(), oc.getName(), oc.getType(), oc.getLocation(), context);
        OpenShiftClusterProperties p = Objects.requireNonNullElseGet(oc.getProperties(), OpenShiftClusterProperties::new);
        validateClusterProfile("properties.clusterProfile", Objects.requireNonNullElseGet(p.getClusterProfile(), ClusterProfile::new), context);
        validateServicePrincipalProfile("properties.servicePrincipalProfile",
                Objects.requireNonNullElseGet(p.getServicePrincipalProfile(), ServicePrincipalProfile::new), isCreate);
        validateNetworkProfile("properties.networkProfile", Objects.requireNonNullElseGet(p.getNetworkProfile(), NetworkProfile::new));
        MasterProfile master = Objects.requireNonNullElseGet(p.getMasterProfile(), MasterProfile::new);
        SubnetId masterSubnet = validateMasterProfile("properties.masterProfile", master, context);
        ClusterChecks.visibility("properties.apiserverProfile.visibility",
                Objects.requireNonNullElseGet(p.getApiserverProfile(), APIServerProfile::new).getVisibility());
        validateWorkerProfiles("properties.workerProfiles", p.getWorkerProfiles(), masterSubnet);
        validateIngressProfiles("properties.ingressProfiles", p.getIngressProfiles());
    }

    private static void validateClusterProfile(String path, ClusterProfile cp, ValidationContext context) {
        ClusterChecks.pullSecret(path + ".pullSecret", cp.getPullSecret());
        ClusterChecks.domain(path + ".domain", cp.getDomain(), false, context);
        ClusterChecks.version(path + ".version", cp.getVersion());
        ClusterChecks.clusterResourceGroup(path + ".resourceGroupId", cp.getResourceGroupId(), context);
    }

    private static void validateServicePrincipalProfile(String path, ServicePrincipalProfile spp, boolean isCreate) {
        ClusterChecks.clientId(path + ".clientId", spp.getClientId());
        ClusterChecks.clientSecret(path + ".clientSecret", spp.getClientSecret(), isCreate);
    }

    private static void validateNetworkProfile(String path, NetworkProfile np) {
        Cidr pod = ClusterChecks.cidr(path + ".podCidr", np.getPodCidr(), "pod", MAX_POD_PREFIX);
        Cidr service = ClusterChecks.cidr(path + ".serviceCidr", np.getServiceCidr(), "service", MAX_SERVICE_PREFIX);
        ClusterChecks.noOverlap(path + ".serviceCidr", service, pod);
    }

    private static SubnetId validateMasterProfile(String path, MasterProfile mp, ValidationContext context) {
        ClusterChecks.vmSize(path + ".vmSize", value(mp.getVmSize()), MASTER_VM_SIZES, "master");
        return ClusterChecks.masterSubnet(path + ".subnetId", mp.getSubnetId(), context);
    }

    private static void validateWorkerProfiles(String path, List<WorkerProfile> profiles, SubnetId masterSubnet) {
        ClusterChecks.oneWorkerProfile(path, profiles);
        WorkerProfile wp = Objects.requireNonNullElseGet(profiles.get(0), WorkerProfile::new);
        String at = path + "['" + Objects.toString(wp.getName(), "") + "']";
        ClusterChecks.workerName(at + ".name", wp.getName());
        ClusterChecks.vmSize(at + ".vmSize", value(wp.getVmSize()), WORKER_VM_SIZES, "worker");
        ClusterChecks.diskSize(at + ".diskSizeGB", wp.getDiskSizeGB());
        ClusterChecks.workerSubnet(at + ".subnetId", wp.getSubnetId(), masterSubnet);
        ClusterChecks.workerCount(at + ".count", wp.getCount(), MIN_WORKERS, MAX_WORKERS);
    }

    private static void validateIngressProfiles(String path, List<IngressProfile> profiles) {
        IngressProfile first = profiles == null || profiles.isEmpty() ? new IngressProfile() : Objects.requireNonNullElseGet(profiles.get(0), IngressProfile::new);
        ClusterChecks.oneDefaultIngressProfile(path, profiles, first.getName());
        ClusterChecks.visibility(path + "['" + first.getName() + "'].visibility", first.getVisibility());
    }

    private static String value(VMSize size) {
        return size == null ? null : size.value();
    }
}
