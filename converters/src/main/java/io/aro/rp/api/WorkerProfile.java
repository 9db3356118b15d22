package io.aro.rp.api;

/** A pool of worker machines. */
public class WorkerProfile extends MissingFields {
    private String name;
    private String vmSize;
    private Integer diskSizeGB;
    private String subnetId;
    private Integer count;
    private EncryptionAtHost encryptionAtHost;
    private String diskEncryptionSetId;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getVmSize() {
        return vmSize;
    }

    public void setVmSize(String vmSize) {
        this.vmSize = vmSize;
    }

    public Integer getDiskSizeGB() {
        return diskSizeGB;
    }

    public void setDiskSizeGB(Integer diskSizeGB) {
        this.diskSizeGB = diskSizeGB;
    }

    public String getSubnetId() {
        return subnetId;
    }

    public void setSubnetId(String subnetId) {
        this.subnetId = subnetId;
    }

    public Integer getCount() {
        return count;
    }

    public void setCount(Integer count) {
        this.count = count;
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
