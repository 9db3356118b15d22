package io.aro.rp.cli;

import com.azure.core.util.polling.SyncPoller;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.aro.rp.sdk.fluent.models.OpenShiftClusterInner;
import io.aro.rp.sdk.models.APIServerProfile;
import io.aro.rp.sdk.models.ClusterProfile;
import io.aro.rp.sdk.models.EncryptionAtHost;
import io.aro.rp.sdk.models.FipsValidatedModules;
import io.aro.rp.sdk.models.IngressProfile;
import io.aro.rp.sdk.models.LoadBalancerProfile;
import io.aro.rp.sdk.models.ManagedOutboundIPs;
import io.aro.rp.sdk.models.MasterProfile;
import io.aro.rp.sdk.models.NetworkProfile;
import io.aro.rp.sdk.models.OutboundType;
import io.aro.rp.sdk.models.PlatformWorkloadIdentityProfile;
import io.aro.rp.sdk.models.PreconfiguredNSG;
import io.aro.rp.sdk.models.ServicePrincipalProfile;
import io.aro.rp.sdk.models.Visibility;
import io.aro.rp.sdk.models.WorkerProfile;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "create", description = "Create a cluster.")
final class CreateCommand extends AroSubcommand {
    @Mixin
    ClusterName cluster;
    @Mixin
    NetworkOptions network;
    @Mixin
    ClusterOptions options;
    @Mixin
    IdentityOptions identities;

    @Option(names = "--tags", arity = "0..*", paramLabel = "KEY=VALUE", description = "Space-separated tags: key[=value].")
    Map<String, String> tags;
    @Option(names = "--pull-secret", description = "Pull secret of cluster (@file reads it from a file).")
    String pullSecret;
    @Option(names = "--domain", description = "Domain of cluster (default: a random label).")
    String domain;
    @Option(names = "--cluster-resource-group", description = "Resource group of cluster (default: aro-<random label>).")
    String clusterResourceGroup;
    @Option(names = {"--fips-validated-modules", "--fips"}, arity = "0..1", fallbackValue = "true", defaultValue = "false",
            description = "Use FIPS validated cryptography modules. [Default: false]")
    boolean fips;
    @Option(names = "--client-secret", description = "Client secret of cluster service principal.")
    String clientSecret;
    @Option(names = "--outbound-type", description = "Outbound type of cluster. Must be \"Loadbalancer\" or \"UserDefinedRouting\". [Default: Loadbalancer]")
    String outboundType;
    @Option(names = "--enable-preconfigured-nsg", arity = "0..1", fallbackValue = "true", defaultValue = "false",
            description = "Use Preconfigured NSGs. Allowed values: false, true. [Default: false]")
    boolean preconfiguredNsg;
    @Option(names = {"--master-encryption-at-host", "--master-enc-host"}, arity = "0..1", fallbackValue = "true", defaultValue = "false",
            description = "Encryption at host flag for master VMs. [Default: false]")
    boolean masterEncryptionAtHost;
    @Option(names = "--master-vm-size", defaultValue = "Standard_D8s_v5", description = "Size of master VMs. [Default: ${DEFAULT-VALUE}]")
    String masterVmSize;
    @Option(names = {"--worker-encryption-at-host", "--worker-enc-host"}, arity = "0..1", fallbackValue = "true", defaultValue = "false",
            description = "Encryption at host flag for worker VMs. [Default: false]")
    boolean workerEncryptionAtHost;
    @Option(names = "--worker-vm-size", defaultValue = "Standard_D4s_v5", description = "Size of worker VMs. [Default: ${DEFAULT-VALUE}]")
    String workerVmSize;
    @Option(names = "--worker-vm-disk-size-gb", defaultValue = "128", description = "Disk size in GB of worker VMs. [Default: ${DEFAULT-VALUE}]")
    int workerDiskSizeGb;
    @Option(names = "--worker-count", defaultValue = "3", description = "Count of worker VMs. [Default: ${DEFAULT-VALUE}]")
    int workerCount;
    @Option(names = "--apiserver-visibility", defaultValue = "Public", description = "API server visibility: Private or Public. [Default: ${DEFAULT-VALUE}]")
    String apiServerVisibility;
    @Option(names = "--ingress-visibility", defaultValue = "Public", description = "Ingress visibility: Private or Public. [Default: ${DEFAULT-VALUE}]")
    String ingressVisibility;
    @Option(names = {"--load-balancer-managed-outbound-ip-count", "--lb-ip-count"},
            description = "The desired number of IPv4 outbound IPs created and managed by Azure for the cluster public load balancer.")
    Integer lbIpCount;
    @Option(names = "--no-wait", description = "Do not wait for the long-running operation to finish.")
    boolean noWait;

    @Override
    void execute() {
        checkCredentials();
        AzureSession azure = session();
        String subscriptionId = azure.subscriptionId();
        String region = options.location(azure, cluster.resourceGroup);
        String label = randomLabel();
        OpenShiftClusterInner request = new OpenShiftClusterInner()
                .withLocation(region)
                .withTags(tags)
                .withClusterProfile(new ClusterProfile().withPullSecret(pullSecret).withDomain(domain != null ? domain : label)
                        .withResourceGroupId("/subscriptions/" + subscriptionId + "/resourceGroups/"
                                + (clusterResourceGroup != null ? clusterResourceGroup : "aro-" + label))
                        .withFipsValidatedModules(fips ? FipsValidatedModules.ENABLED : FipsValidatedModules.DISABLED)
                        .withVersion(options.version))
                .withNetworkProfile(new NetworkProfile().withPodCidr(options.podCidr).withServiceCidr(options.serviceCidr)
                        .withOutboundType(Choices.choose(outboundType, "--outbound-type", List.of(OutboundType.LOADBALANCER, OutboundType.USER_DEFINED_ROUTING)))
                        .withLoadBalancerProfile(lbIpCount == null ? null
                                : new LoadBalancerProfile().withManagedOutboundIps(new ManagedOutboundIPs().withCount(lbIpCount)))
                        .withPreconfiguredNSG(preconfiguredNsg ? PreconfiguredNSG.ENABLED : PreconfiguredNSG.DISABLED))
                .withMasterProfile(new MasterProfile().withVmSize(masterVmSize).withSubnetId(network.masterSubnetId(subscriptionId, cluster.resourceGroup))
                        .withEncryptionAtHost(masterEncryptionAtHost ? EncryptionAtHost.ENABLED : EncryptionAtHost.DISABLED)
                        .withDiskEncryptionSetId(options.diskEncryptionSet))
                .withWorkerProfiles(List.of(new WorkerProfile().withName("worker").withVmSize(workerVmSize).withDiskSizeGB(workerDiskSizeGb)
                        .withSubnetId(network.workerSubnetId(subscriptionId, cluster.resourceGroup)).withCount(workerCount)
                        .withEncryptionAtHost(workerEncryptionAtHost ? EncryptionAtHost.ENABLED : EncryptionAtHost.DISABLED)
                        .withDiskEncryptionSetId(options.diskEncryptionSet)))
                .withApiserverProfile(new APIServerProfile().withVisibility(visibility(apiServerVisibility, "--apiserver-visibility")))
                .withIngressProfiles(List.of(new IngressProfile().withName("default")
                        .withVisibility(visibility(ingressVisibility, "--ingress-visibility"))));
        if (options.managedIdentity && !identities.any()) {
            createRequiredIdentities(azure, region, request);
        }
        if (options.managedIdentity) {
            request.withIdentity(identities.clusterIdentity(subscriptionId, cluster.resourceGroup))
                    .withPlatformWorkloadIdentityProfile(new PlatformWorkloadIdentityProfile()
                            .withPlatformWorkloadIdentities(identities.platformWorkloadIdentities(subscriptionId, cluster.resourceGroup)));
        } else {
            request.withServicePrincipalProfile(new ServicePrincipalProfile().withClientId(options.clientId).withClientSecret(clientSecret));
        }
        SyncPoller<?, OpenShiftClusterInner> creation = azure.aro().serviceClient().getOpenShiftClusters()
                .beginCreateOrUpdate(cluster.resourceGroup, cluster.name, request);
        if (!noWait) {
            Progress.await(creation, err(), aro().progress);
            print(cluster(cluster.resourceGroup, cluster.name), Clusters::table);
        }
    }

    /** As az aro create does when no identities are given: creates them, and names them on the command line. */
    private void createRequiredIdentities(AzureSession azure, String region, OpenShiftClusterInner request) {
        String masterSubnetId = request.masterProfile().subnetId();
        RequiredIdentities required = RequiredIdentities.of(azure, new RequiredIdentities.Location(cluster.resourceGroup, region), options.version,
                masterSubnetId, request.workerProfiles().get(0).subnetId(), ResourceIds.vnetOf(masterSubnetId), options.diskEncryptionSet);
        ArrayNode created = IdentityCommand.create(azure, required, cluster.resourceGroup, region);
        identities.clusterIdentity = created.get(0).path("id").asText();
        identities.platformWorkloadIdentities = new ArrayList<>();
        for (int i = 1; i < created.size(); i++) {
            identities.platformWorkloadIdentities.add(required.identities().get(i));
            identities.platformWorkloadIdentities.add(created.get(i).path("id").asText());
        }
    }

    /** A service principal cluster or a managed identity one, as az aro has them. */
    private void checkCredentials() {
        if (options.managedIdentity) {
            if (options.clientId != null || clientSecret != null) {
                throw usage("--client-id and --client-secret must not be set with --enable-managed-identity.");
            }
            if ((identities.clusterIdentity == null) != (identities.platformWorkloadIdentities == null)) {
                throw usage("Give both --assign-cluster-identity and an --assign-platform-workload-identity for each operator, or neither "
                        + "to have them created as 'aro identity create-required' does.");
            }
        } else {
            if (identities.any()) {
                throw usage("--assign-cluster-identity and --assign-platform-workload-identity need --enable-managed-identity.");
            }
            if (options.clientId == null || clientSecret == null) {
                // az would create a Microsoft Entra application through Microsoft Graph; this command line does not.
                throw usage("Give --client-id and --client-secret of the cluster's service principal, or --enable-managed-identity.");
            }
        }
    }

    private static Visibility visibility(String value, String option) {
        return Choices.choose(value, option, List.of(Visibility.PRIVATE, Visibility.PUBLIC));
    }

    /** A domain label and a resource group suffix: a letter, then letters and digits, as az aro makes them. */
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
