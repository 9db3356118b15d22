package io.aro.rp.api;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The resumable phases of an installation, in order. The backend ends its lease after each phase with
 * the cluster still Creating, so any worker can run the next one.
 */
public enum InstallPhase {
    DEPLOY_STORAGE("DeployStorage"),
    DEPLOY_RESOURCES("DeployResources"),
    REMOVE_BOOTSTRAP("RemoveBootstrap");

    private final String value;

    InstallPhase(String value) {
        this.value = value;
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
