package io.aro.rp.config;

/** ARO_AZURE_CREDENTIAL: how the RP authenticates as its own identity. */
public enum AzureCredentialKind {
    /** DefaultAzureCredential: workload identity in a pod, a managed identity on a VM, az login on a laptop. */
    DEFAULT,
    /** The managed identity of the machine (ARO_AZURE_CLIENT_ID picks a user-assigned one). */
    MANAGED_IDENTITY,
    /** An application's certificate (ARO_AZURE_CLIENT_ID, ARO_AZURE_TENANT_ID, ARO_AZURE_CLIENT_CERTIFICATE_PATH). */
    CLIENT_CERTIFICATE;

    @Override
    public String toString() {
        return Choice.name(this);
    }
}
