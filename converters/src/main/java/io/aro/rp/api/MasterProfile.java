package io.aro.rp.api;

/** The control plane machines of a cluster. */
public class MasterProfile extends MissingFields {
    private String vmSize;
    private String subnetId;
    private EncryptionAtHost encryptionAtHost;
    private String diskEncryptionSetId;

    public String getVmSize() {
        return vmSize;
    }

    public void setVmSize(String vmSize) {
        this.vmSize = vmSize;
    }

    public String getSubnetId() {
        return subnetId;
    }

    public void setSubnetId(String subnetId) {
        this.subnetId = subnetId;
    }

    public EncryptionAtHost getEncryptionAtHost() {
        return encryptionAtHost;
    }

    public void setEncryptionAtHost(EncryptionAtHost encryptionAtHost) {
        this.encryptionAtHost = encryptionAtHost;
    }

    public String getDiskEncryptionSetId() {
        return diskEncryptionSetId;
    }

    public void setDiskEncryptionSetId(String diskEncryptionSetId) {
        this.diskEncryptionSetId = diskEncryptionSetId;
    }
}
