package io.aro.rp.cloud.hive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.aro.rp.api.EncryptionAtHost;
import io.aro.rp.api.FipsValidatedModules;
import io.aro.rp.api.OpenShiftCluster;
import io.aro.rp.api.OpenShiftClusterProperties;
import io.aro.rp.api.OutboundType;
import io.aro.rp.api.Visibility;
import io.aro.rp.api.WorkerProfile;
import java.util.List;

/**
 * The openshift-install {@code install-config.yaml} of a cluster (installer API {@code v1}), which Hive
 * hands to the installer: the cluster's domain split into name and base domain, the customer's vnet and
 * subnets, the managed resource group to install into, machine sizes and counts, networks, FIPS. The pull
 * secret is Hive's to add (from the ClusterDeployment's pullSecretRef).
 */
final class InstallConfig {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** The pod network's per-node prefix, as ARO uses. */
    private static final int HOST_PREFIX = 23;

    private InstallConfig() {
    }

    /** The cluster's name within its domain: the domain's first label. */
    static String clusterName(OpenShiftCluster cluster) {
        String domain = cluster.getProperties().getClusterProfile().getDomain();
        return domain.substring(0, domain.indexOf('.'));
    }

    /** The domain the cluster's name is under (the installer's baseDomain, and the name of the DNS zone it writes to). */
    static String baseDomain(OpenShiftCluster cluster) {
        String domain = cluster.getProperties().getClusterProfile().getDomain();
        return domain.substring(domain.indexOf('.') + 1);
    }

    static String yaml(OpenShiftCluster cluster, List<String> machineNetworks, String cloudName) {
        OpenShiftClusterProperties p = cluster.getProperties();
        SubnetId master = SubnetId.parse(p.getMasterProfile().getSubnetId());
        WorkerProfile worker = p.getWorkerProfiles().get(0);
        SubnetId workerSubnet = SubnetId.parse(worker.getSubnetId());
        String managedGroup = SubnetId.lastSegment(p.getClusterProfile().getResourceGroupId());

        ObjectNode config = YAML.createObjectNode().put("apiVersion", "v1");
        config.putObject("metadata").put("name", clusterName(cluster));
        config.put("baseDomain", baseDomain(cluster));

        ObjectNode controlPlane = config.putObject("controlPlane").put("name", "master").put("replicas", 3);
        ObjectNode masterAzure = controlPlane.putObject("platform").putObject("azure").put("type", p.getMasterProfile().getVmSize())
                .put("encryptionAtHost", p.getMasterProfile().getEncryptionAtHost() == EncryptionAtHost.ENABLED);
        diskEncryptionSet(masterAzure.putObject("osDisk").put("diskSizeGB", 1024), p.getMasterProfile().getDiskEncryptionSetId());

        ObjectNode compute = config.putArray("compute").addObject().put("name", "worker")
                .put("replicas", worker.getCount() == null ? 0 : worker.getCount());
        ObjectNode workerAzure = compute.putObject("platform").putObject("azure").put("type", worker.getVmSize())
                .put("encryptionAtHost", worker.getEncryptionAtHost() == EncryptionAtHost.ENABLED);
        ObjectNode workerDisk = workerAzure.putObject("osDisk");
        if (worker.getDiskSizeGB() != null) {
            workerDisk.put("diskSizeGB", worker.getDiskSizeGB());
        }
        diskEncryptionSet(workerDisk, worker.getDiskEncryptionSetId());

        ObjectNode networking = config.putObject("networking").put("networkType", "OVNKubernetes");
        networking.putArray("clusterNetwork").addObject().put("cidr", p.getNetworkProfile().getPodCidr()).put("hostPrefix", HOST_PREFIX);
        networking.putArray("serviceNetwork").add(p.getNetworkProfile().getServiceCidr());
        ArrayNode machines = networking.putArray("machineNetwork");
        machineNetworks.forEach(cidr -> machines.addObject().put("cidr", cidr));

        config.putObject("platform").putObject("azure")
                .put("region", cluster.getLocation())
                .put("cloudName", cloudName)
                .put("resourceGroupName", managedGroup)
                .put("baseDomainResourceGroupName", managedGroup)
                .put("networkResourceGroupName", master.resourceGroup())
                .put("virtualNetwork", master.vnet())
                .put("controlPlaneSubnet", master.subnet())
                .put("computeSubnet", workerSubnet.subnet())
                .put("outboundType", p.getNetworkProfile().getOutboundType() == OutboundType.USER_DEFINED_ROUTING ? "UserDefinedRouting" : "Loadbalancer");
        config.put("publish", p.getApiserverProfile().getVisibility() == Visibility.PRIVATE ? "Internal" : "External");
        config.put("fips", p.getClusterProfile().getFipsValidatedModules() == FipsValidatedModules.ENABLED);
        if (cluster.usesWorkloadIdentity()) {
            config.put("credentialsMode", "Manual"); // the operators' credentials come from the RP's manifests, not the cloud credential operator
        }
        try {
            return YAML.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an install-config", e);
        }
    }

    private static void diskEncryptionSet(ObjectNode osDisk, String id) {
        if (id == null || id.isEmpty()) {
            return;
        }
        String[] segments = id.split("/");
        // /subscriptions/{s}/resourceGroups/{g}/providers/Microsoft.Compute/diskEncryptionSets/{name}
        osDisk.putObject("diskEncryptionSet").put("subscriptionId", segments[2]).put("resourceGroup", segments[4])
                .put("name", segments[segments.length - 1]);
    }

    /** The parts of a subnet's resource ID (checked by the static validator). */
    record SubnetId(String subscription, String resourceGroup, String vnet, String subnet) {
        static SubnetId parse(String id) {
            // /subscriptions/{s}/resourceGroups/{g}/providers/Microsoft.Network/virtualNetworks/{v}/subnets/{n}
            String[] segments = id.split("/");
            return new SubnetId(segments[2], segments[4], segments[8], segments[10]);
        }

        static String lastSegment(String id) {
            return id.substring(id.lastIndexOf('/') + 1);
        }
    }
}
