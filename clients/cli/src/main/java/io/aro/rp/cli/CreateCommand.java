package io.aro.rp.cli;

import io.aro.rp.sdk.v20250725.models.APIServerProfile;
import io.aro.rp.sdk.v20250725.models.ClusterProfile;
import io.aro.rp.sdk.v20250725.models.IngressProfile;
import io.aro.rp.sdk.v20250725.models.ManagedServiceIdentity;
import io.aro.rp.sdk.v20250725.models.ManagedServiceIdentityType;
import io.aro.rp.sdk.v20250725.models.MasterProfile;
import io.aro.rp.sdk.v20250725.models.NetworkProfile;
import io.aro.rp.sdk.v20250725.models.OpenShiftCluster;
import io.aro.rp.sdk.v20250725.models.OpenShiftClusterProperties;
import io.aro.rp.sdk.v20250725.models.PlatformWorkloadIdentity;
import io.aro.rp.sdk.v20250725.models.PlatformWorkloadIdentityProfile;
import io.aro.rp.sdk.v20250725.models.ServicePrincipalProfile;
import io.aro.rp.sdk.v20250725.models.UserAssignedIdentity;
import io.aro.rp.sdk.v20250725.models.Visibility;
import io.aro.rp.sdk.v20250725.models.WorkerProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "create", description = "Create a cluster.")
final class CreateCommand extends AroSubcommand {
    @Mixin
    ClusterName cluster;
    @Mixin
    Waiting waiting;

    @Option(names = {"-l", "--location"}, defaultValue = "eastus", description = "The region (default: ${DEFAULT-VALUE}).")
    String location;
    @Option(names = "--vnet", description = "The vnet of the subnets given by name.")
    String vnet;
    @Option(names = "--vnet-resource-group", description = "The vnet's resource group (default: the cluster's).")
    String vnetResourceGroup;
    @Option(names = "--master-subnet", required = true, description = "The master subnet: a name in --vnet, or a resource id.")
    String masterSubnet;
    @Option(names = "--worker-subnet", required = true, description = "The worker subnet: a name in --vnet, or a resource id.")
    String workerSubnet;
    @Option(names = "--client-id", description = "The cluster's service principal (a service principal cluster).")
    String clientId;
    @Option(names = "--client-secret", description = "The service principal's secret.")
    String clientSecret;
    @Option(names = "--enable-managed-identity", description = "A managed identity cluster: its operators use managed identities, not a service principal.")
    boolean managedIdentity;
    @Option(names = "--assign-cluster-identity", description = "The cluster identity: a name in the cluster's resource group, or a resource id.")
    String clusterIdentity;
    @Option(names = "--assign-platform-workload-identity", arity = "2", paramLabel = "OPERATOR IDENTITY",
            description = "An operator and its identity (a name in the cluster's resource group, or a resource id); once per operator of the "
                    + "version's platform workload identity role set.")
    List<String> platformWorkloadIdentities;
    @Option(names = "--domain", description = "The cluster's domain (default: a random label).")
    String domain;
    @Option(names = "--cluster-resource-group", description = "The managed resource group (default: aro-<domain>).")
    String clusterResourceGroup;
    @Option(names = "--pull-secret", description = "The Red Hat pull secret, or @file to read it from a file.")
    String pullSecret;
    @Option(names = "--version", description = "The OpenShift version (default: the service's).")
    String version;
    @Option(names = "--pod-cidr", defaultValue = "10.128.0.0/14", description = "(default: ${DEFAULT-VALUE})")
    String podCidr;
    @Option(names = "--service-cidr", defaultValue = "172.30.0.0/16", description = "(default: ${DEFAULT-VALUE})")
    String serviceCidr;
    @Option(names = "--master-vm-size", defaultValue = "Standard_D8s_v3", description = "(default: ${DEFAULT-VALUE})")
    String masterVmSize;
    @Option(names = "--worker-vm-size", defaultValue = "Standard_D4s_v3", description = "(default: ${DEFAULT-VALUE})")
    String workerVmSize;
    @Option(names = "--worker-vm-disk-size-gb", defaultValue = "128", description = "(default: ${DEFAULT-VALUE})")
    int workerDiskSizeGb;
    @Option(names = "--worker-count", defaultValue = "3", description = "(default: ${DEFAULT-VALUE})")
    int workerCount;
    @Option(names = "--apiserver-visibility", defaultValue = "Public", description = "Public or Private (default: ${DEFAULT-VALUE}).")
    String apiServerVisibility;
    @Option(names = "--ingress-visibility", defaultValue = "Public", description = "Public or Private (default: ${DEFAULT-VALUE}).")
    String ingressVisibility;
    @Option(names = "--tags", split = " ", description = "Tags, key=value.")
    Map<String, String> tags;

    @Override
    public void run() {
        checkCredentials();
        String clusterDomain = domain != null ? domain : randomLabel();
        String managedGroup = clusterResourceGroup != null ? clusterResourceGroup : "aro-" + clusterDomain.replace('.', '-');
        OpenShiftCluster request = new OpenShiftCluster()
                .location(location)
                .tags(tags)
                .properties(new OpenShiftClusterProperties()
                        .clusterProfile(new ClusterProfile().domain(clusterDomain).version(version).pullSecret(pullSecret())
                                .resourceGroupId("/subscriptions/" + aro.subscription + "/resourceGroups/" + managedGroup))
                        .servicePrincipalProfile(managedIdentity ? null : new ServicePrincipalProfile().clientId(clientId).clientSecret(clientSecret))
                        .platformWorkloadIdentityProfile(managedIdentity ? platformWorkloadIdentityProfile() : null)
                        .networkProfile(new NetworkProfile().podCidr(podCidr).serviceCidr(serviceCidr))
                        .masterProfile(new MasterProfile().vmSize(masterVmSize).subnetId(subnetId(masterSubnet, "--master-subnet")))
                        .addWorkerProfilesItem(new WorkerProfile().name("worker").vmSize(workerVmSize).diskSizeGB(workerDiskSizeGb)
                                .count(workerCount).subnetId(subnetId(workerSubnet, "--worker-subnet")))
                        .apiserverProfile(new APIServerProfile().visibility(Visibility.fromValue(apiServerVisibility)))
                        .addIngressProfilesItem(new IngressProfile().name("default").visibility(Visibility.fromValue(ingressVisibility))));
        if (managedIdentity) {
            request.identity(new ManagedServiceIdentity().type(ManagedServiceIdentityType.USER_ASSIGNED)
                    .userAssignedIdentities(Map.of(identityId(clusterIdentity), new UserAssignedIdentity())));
        }
        OpenShiftCluster created = waiting.await(aro.client().beginCreateOrUpdate(cluster.resourceGroup, cluster.name, request),
                err());
        if (created != null) {
            Output.one(out(), aro.output, created, Clusters.COLUMNS);
        }
    }

    /** A cluster is either a service principal one or a managed identity one, as az aro has it. */
    private void checkCredentials() {
        if (!managedIdentity && (clientId == null || clientSecret == null)) {
            throw new ParameterException(spec.commandLine(), "Give --client-id and --client-secret, or --enable-managed-identity with the identities.");
        }
        if (managedIdentity && (clientId != null || clientSecret != null)) {
            throw new ParameterException(spec.commandLine(), "--client-id and --client-secret cannot be used with --enable-managed-identity.");
        }
        if (managedIdentity && (clusterIdentity == null || platformWorkloadIdentities == null)) {
            throw new ParameterException(spec.commandLine(),
                    "--enable-managed-identity needs --assign-cluster-identity and an --assign-platform-workload-identity per operator.");
        }
        if (!managedIdentity && (clusterIdentity != null || platformWorkloadIdentities != null)) {
            throw new ParameterException(spec.commandLine(), "Managed identities need --enable-managed-identity.");
        }
    }

    private PlatformWorkloadIdentityProfile platformWorkloadIdentityProfile() {
        Map<String, PlatformWorkloadIdentity> identities = new LinkedHashMap<>();
        for (int i = 0; i + 1 < platformWorkloadIdentities.size(); i += 2) {
            String operator = platformWorkloadIdentities.get(i);
            if (identities.put(operator, new PlatformWorkloadIdentity().resourceId(identityId(platformWorkloadIdentities.get(i + 1)))) != null) {
                throw new ParameterException(spec.commandLine(), "--assign-platform-workload-identity names '" + operator + "' twice.");
            }
        }
        return new PlatformWorkloadIdentityProfile().platformWorkloadIdentities(identities);
    }

    /** A user-assigned identity's resource id: given as one, or a name in the cluster's resource group. */
    private String identityId(String identity) {
        if (identity.startsWith("/subscriptions/")) {
            return identity;
        }
        return "/subscriptions/" + aro.subscription + "/resourceGroups/" + cluster.resourceGroup + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/"
                + identity;
    }

    /** A subnet's resource id: given as one, or a name in --vnet. */
    private String subnetId(String subnet, String option) {
        if (subnet.startsWith("/subscriptions/")) {
            return subnet;
        }
        if (vnet == null) {
            throw new ParameterException(spec.commandLine(), option + " '" + subnet + "' is a name: give --vnet too, or a subnet resource id.");
        }
        String group = vnetResourceGroup != null ? vnetResourceGroup : cluster.resourceGroup;
        return "/subscriptions/" + aro.subscription + "/resourceGroups/" + group + "/providers/Microsoft.Network/virtualNetworks/" + vnet
                + "/subnets/" + subnet;
    }

    private String pullSecret() {
        if (pullSecret == null || !pullSecret.startsWith("@")) {
            return pullSecret;
        }
        try {
            return Files.readString(Path.of(pullSecret.substring(1))).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the pull secret " + pullSecret.substring(1), e);
        }
    }

    /** A label for a cluster domain: a letter, then letters and digits, as ARO's static validation wants. */
    private static String randomLabel() {
        SecureRandom random = new SecureRandom();
        String letters = "abcdefghijklmnopqrstuvwxyz";
        String alphabet = letters + "0123456789";
        StringBuilder label = new StringBuilder().append(letters.charAt(random.nextInt(letters.length())));
        for (int i = 0; i < 7; i++) {
            label.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return label.toString();
    }
}
