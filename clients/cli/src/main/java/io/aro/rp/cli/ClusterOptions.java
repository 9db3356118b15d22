package io.aro.rp.cli;

import picocli.CommandLine.Option;

/** What create and validate both take about the cluster to be: where, which version, its networks, its principals. */
final class ClusterOptions {
    @Option(names = {"-l", "--location"}, description = "Location (default: the resource group's).")
    String location;
    @Option(names = "--version", description = "OpenShift version to use for cluster creation (default: the service's).")
    String version;
    @Option(names = "--pod-cidr", defaultValue = "10.128.0.0/14", description = "CIDR of pod network. Must be a minimum of /18 or larger. [Default: ${DEFAULT-VALUE}]")
    String podCidr;
    @Option(names = "--service-cidr", defaultValue = "172.30.0.0/16",
            description = "CIDR of service network. Must be a minimum of /18 or larger. [Default: ${DEFAULT-VALUE}]")
    String serviceCidr;
    @Option(names = "--client-id", description = "Client ID of cluster service principal.")
    String clientId;
    @Option(names = "--disk-encryption-set", description = "ResourceID of the DiskEncryptionSet to be used for master and worker VMs.")
    String diskEncryptionSet;
    @Option(names = {"--enable-managed-identity", "--enable-mi"}, arity = "0..1", fallbackValue = "true", defaultValue = "false",
            description = "Enable managed identity for this cluster.")
    boolean managedIdentity;

    /** The cluster's region: -l, else its resource group's. */
    String location(AzureSession azure, String resourceGroup) {
        return location != null ? location : ResourceGroups.location(azure, resourceGroup);
    }
}
