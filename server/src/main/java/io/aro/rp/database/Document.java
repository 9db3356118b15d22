package io.aro.rp.database;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.aro.rp.api.MissingFields;

/** What every stored document has: its id and the store's system fields. Fields it does not know survive (MissingFields). */
public abstract class Document extends MissingFields {
    private String id;
    private String etag;
    private Long timestamp;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /** Changes on every write; a conditional write names the ETag it read. */
    @JsonProperty("_etag")
    public String getEtag() {
        return etag;
    }

    @JsonProperty("_etag")
    public void setEtag(String etag) {
        this.etag = etag;
    }

    /** Seconds since the epoch of the last write, set by the store. */
    @JsonProperty("_ts")
    public Long getTimestamp() {
        return timestamp;
    }

    @JsonProperty("_ts")
    public void setTimestamp(Long timestamp) {
        this.timestamp = timestamp;
    }
}
