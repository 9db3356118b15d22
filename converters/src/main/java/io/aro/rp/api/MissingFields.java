package io.aro.rp.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps the JSON fields that this version of the RP does not know, so that a document written by a
 * newer RP survives a read-modify-write by an older one untouched (ARO's MissingFields). Every class
 * of the internal model and of the database documents extends it.
 */
public abstract class MissingFields {
    private final Map<String, JsonNode> missingFields = new LinkedHashMap<>();

    @JsonAnySetter
    void setMissingField(String name, JsonNode value) {
        missingFields.put(name, value);
    }

    @JsonAnyGetter
    Map<String, JsonNode> getMissingFields() {
        return missingFields;
    }
}
