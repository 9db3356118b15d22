package io.aro.rp.api;

import java.util.ArrayList;
import java.util.List;

/** The properties of a cluster: everything any API version exposes, plus the RP's own bookkeeping. */
public class OpenShiftClusterProperties extends MissingFields {
    private ProvisioningState provisioningState;
    /** The state before the current operation started; an admin update returns to it. */
    private ProvisioningState lastProvisioningState;
    /** The state whose operation failed, when provisioningState is Failed. */
    private ProvisioningState failedProvisioningState;
    private String lastAdminUpdateError;
    private ClusterProfile clusterProfile = new ClusterProfile();
    private ConsoleProfile consoleProfile = new ConsoleProfile();
    private ServicePrincipalProfile servicePrincipalProfile = new ServicePrincipalProfile();
    /** The operators' identities of a workload identity cluster; null for a service principal cluster. */
    private PlatformWorkloadIdentityProfile platformWorkloadIdentityProfile;
    private NetworkProfile networkProfile = new NetworkProfile();
    private MasterProfile masterProfile = new MasterProfile();
    private List<WorkerProfile> workerProfiles = new ArrayList<>();
    /** The worker pools as they are on the cluster (read-only in the API). */
    private List<WorkerProfile> workerProfilesStatus = new ArrayList<>();
    private APIServerProfile apiserverProfile = new APIServerProfile();
    private List<IngressProfile> ingressProfiles = new ArrayList<>();
    /** Present while the cluster is being installed: which phase the backend resumes from. */
    private Install install;
    /** Suffix of the names of the Azure resources the RP creates for the cluster. */
    private String storageSuffix;
    /** The infrastructure ID that prefixes the cluster's Azure resources. */
    private String infraId;
    private SecureString kubeadminPassword;
    private SecureString adminKubeconfig;
    private HiveProfile hiveProfile = new HiveProfile();

    public ProvisioningState getProvisioningState() {
        return provisioningState;
    }

    public void setProvisioningState(ProvisioningState provisioningState) {
        this.provisioningState = provisioningState;
    }

    public ProvisioningState getLastProvisioningState() {
        return lastProvisioningState;
    }

    public void setLastProvisioningState(ProvisioningState lastProvisioningState) {
        this.lastProvisioningState = lastProvisioningState;
    }

    public ProvisioningState getFailedProvisioningState() {
        return failedProvisioningState;
    }

    public void setFailedProvisioningState(ProvisioningState failedProvisioningState) {
        this.failedProvisioningState = failedProvisioningState;
    }

    public String getLastAdminUpdateError() {
        return lastAdminUpdateError;
    }

    public void setLastAdminUpdateError(String lastAdminUpdateError) {
        this.lastAdminUpdateError = lastAdminUpdateError;
    }

    public ClusterProfile getClusterProfile() {
        return clusterProfile;
    }

    public void setClusterProfile(ClusterProfile clusterProfile) {
        this.clusterProfile = clusterProfile;
    }

    public ConsoleProfile getConsoleProfile() {
        return consoleProfile;
    }

    public void setConsoleProfile(ConsoleProfile consoleProfile) {
        this.consoleProfile = consoleProfile;
    }

    public ServicePrincipalProfile getServicePrincipalProfile() {
        return servicePrincipalProfile;
    }

    public void setServicePrincipalProfile(ServicePrincipalProfile servicePrincipalProfile) {
        this.servicePrincipalProfile = servicePrincipalProfile;
    }

    public NetworkProfile getNetworkProfile() {
        return networkProfile;
    }

    public void setNetworkProfile(NetworkProfile networkProfile) {
        this.networkProfile = networkProfile;
    }

    public MasterProfile getMasterProfile() {
        return masterProfile;
    }

    public void setMasterProfile(MasterProfile masterProfile) {
        this.masterProfile = masterProfile;
    }

    public List<WorkerProfile> getWorkerProfiles() {
        return workerProfiles;
    }

    public void setWorkerProfiles(List<WorkerProfile> workerProfiles) {
        this.workerProfiles = workerProfiles;
    }

    public List<WorkerProfile> getWorkerProfilesStatus() {
        return workerProfilesStatus;
    }

    public void setWorkerProfilesStatus(List<WorkerProfile> workerProfilesStatus) {
        this.workerProfilesStatus = workerProfilesStatus;
    }

    public APIServerProfile getApiserverProfile() {
        return apiserverProfile;
    }

    public void setApiserverProfile(APIServerProfile apiserverProfile) {
        this.apiserverProfile = apiserverProfile;
    }

    public List<IngressProfile> getIngressProfiles() {
        return ingressProfiles;
    }

    public void setIngressProfiles(List<IngressProfile> ingressProfiles) {
        this.ingressProfiles = ingressProfiles;
    }

    public Install getInstall() {
        return install;
    }

    public void setInstall(Install install) {
        this.install = install;
    }

    public String getStorageSuffix() {
        return storageSuffix;
    }

    public void setStorageSuffix(String storageSuffix) {
        this.storageSuffix = storageSuffix;
    }

    public String getInfraId() {
        return infraId;
    }

    public void setInfraId(String infraId) {
        this.infraId = infraId;
    }

    public SecureString getKubeadminPassword() {
        return kubeadminPassword;
    }

    public void setKubeadminPassword(SecureString kubeadminPassword) {
        this.kubeadminPassword = kubeadminPassword;
    }

    public SecureString getAdminKubeconfig() {
        return adminKubeconfig;
    }

    public void setAdminKubeconfig(SecureString adminKubeconfig) {
        this.adminKubeconfig = adminKubeconfig;
    }

    public HiveProfile getHiveProfile() {
        return hiveProfile;
    }

    public void setHiveProfile(HiveProfile hiveProfile) {
        this.hiveProfile = hiveProfile;
    }

    public PlatformWorkloadIdentityProfile getPlatformWorkloadIdentityProfile() {
        return platformWorkloadIdentityProfile;
    }

    public void setPlatformWorkloadIdentityProfile(PlatformWorkloadIdentityProfile platformWorkloadIdentityProfile) {
        this.platformWorkloadIdentityProfile = platformWorkloadIdentityProfile;
    }
}
