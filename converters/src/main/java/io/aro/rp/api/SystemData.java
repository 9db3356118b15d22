package io.aro.rp.api;

import java.time.Instant;

/** ARM's record of who created and last modified a resource (x-ms-arm-resource-system-data). */
public class SystemData extends MissingFields {
    private String createdBy;
    private String createdByType;
    private Instant createdAt;
    private String lastModifiedBy;
    private String lastModifiedByType;
    private Instant lastModifiedAt;

    public String getCreatedBy() {
        return createdBy;
    }

    public void setCreatedBy(String createdBy) {
        this.createdBy = createdBy;
    }

    public String getCreatedByType() {
        return createdByType;
    }

    public void setCreatedByType(String createdByType) {
        this.createdByType = createdByType;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public String getLastModifiedBy() {
        return lastModifiedBy;
    }

    public void setLastModifiedBy(String lastModifiedBy) {
        this.lastModifiedBy = lastModifiedBy;
    }

    public String getLastModifiedByType() {
        return lastModifiedByType;
    }

    public void setLastModifiedByType(String lastModifiedByType) {
        this.lastModifiedByType = lastModifiedByType;
    }

    public Instant getLastModifiedAt() {
        return lastModifiedAt;
    }

    public void setLastModifiedAt(Instant lastModifiedAt) {
        this.lastModifiedAt = lastModifiedAt;
    }
}
