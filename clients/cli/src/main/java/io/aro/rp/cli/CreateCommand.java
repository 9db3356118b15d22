package io.aro.rp.cli;

import io.aro.rp.sdk.v20231122.models.APIServerProfile;
import io.aro.rp.sdk.v20231122.models.ClusterProfile;
import io.aro.rp.sdk.v20231122.models.IngressProfile;
import io.aro.rp.sdk.v20231122.models.MasterProfile;
import io.aro.rp.sdk.v20231122.models.NetworkProfile;
import io.aro.rp.sdk.v20231122.models.OpenShiftCluster;
import io.aro.rp.sdk.v20231122.models.OpenShiftClusterProperties;
import io.aro.rp.sdk.v20231122.models.ServicePrincipalProfile;
import io.aro.rp.sdk.v20231122.models.Visibility;
import io.aro.rp.sdk.v20231122.models.WorkerProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
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
    @Option(names = "--client-id", required = true, description = "The cluster's service principal.")
    String clientId;
    @Option(names = "--client-secret", required = true, description = "The service principal's secret.")
    String clientSecret;
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
        String clusterDomain = domain != null ? domain : randomLabel();
        String managedGroup = clusterResourceGroup != null ? clusterResourceGroup : "aro-" + clusterDomain.replace('.', '-');
        OpenShiftCluster request = new OpenShiftCluster()
                .location(location)
                .tags(tags)
                .properties(new OpenShiftClusterProperties()
                        .clusterProfile(new ClusterProfile().domain(clusterDomain).version(version).pullSecret(pullSecret())
                                .resourceGroupId("/subscriptions/" + aro.subscription + "/resourceGroups/" + managedGroup))
                        .servicePrincipalProfile(new ServicePrincipalProfile().clientId(clientId).clientSecret(clientSecret))
                        .networkProfile(new NetworkProfile().podCidr(podCidr).serviceCidr(serviceCidr))
                        .masterProfile(new MasterProfile().vmSize(masterVmSize).subnetId(subnetId(masterSubnet, "--master-subnet")))
                        .addWorkerProfilesItem(new WorkerProfile().name("worker").vmSize(workerVmSize).diskSizeGB(workerDiskSizeGb)
                                .count(workerCount).subnetId(subnetId(workerSubnet, "--worker-subnet")))
                        .apiserverProfile(new APIServerProfile().visibility(Visibility.fromValue(apiServerVisibility)))
                        .addIngressProfilesItem(new IngressProfile().name("default").visibility(Visibility.fromValue(ingressVisibility))));
        OpenShiftCluster created = waiting.await(aro.client().beginCreateOrUpdate(cluster.resourceGroup, cluster.name, request),
                err());
        if (created != null) {
            Output.one(out(), aro.output, created, Clusters.COLUMNS);
        }
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
