package io.aro.rp.api;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether the disks of a virtual machine are encrypted at the host. */
public enum EncryptionAtHost {
    DISABLED("Disabled"),
    ENABLED("Enabled");

    private final String value;

    EncryptionAtHost(String value) {
        this.value = value;
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
