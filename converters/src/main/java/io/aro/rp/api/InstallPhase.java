package io.aro.rp.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * The resumable phases of an installation, in order. The backend ends its lease after each phase with
 * the cluster still Creating, so any worker can run the next one.
 */
public enum InstallPhase {
    /** The Azure resources the RP owns: resource group, storage and network security groups, role assignment, DNS. */
    BOOTSTRAP("Bootstrap"),
    /** The Hive objects that make Hive install OpenShift. */
    START_INSTALLATION("StartInstallation"),
    /** Waiting for Hive to report the installation installed or failed. */
    AWAIT_INSTALLATION("AwaitInstallation"),
    /** What the installed cluster tells: credentials, endpoints, worker pools. */
    FINISH_INSTALLATION("FinishInstallation");

    private final String value;

    InstallPhase(String value) {
        this.value = value;
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }

    /**
     * The phase a document names. The phases of RPs before the Hive installer (DeployStorage,
     * DeployResources, RemoveBootstrap) resume at Bootstrap, whose steps are idempotent.
     */
    @JsonCreator
    public static InstallPhase fromValue(String value) {
        return Arrays.stream(values()).filter(p -> p.value.equals(value)).findFirst().orElse(BOOTSTRAP);
    }
}
