package io.aro.rp.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Where an installation stands, so that any backend worker can resume it. */
public class Install extends MissingFields {
    /** When the installation started. */
    private Instant now;
    private InstallPhase phase;
    /** When the installer (Hive) was first asked to install the cluster: the installation's time limit counts from here. */
    private Instant installerStarted;
    /** The address ranges of the cluster's subnets, which the installer's configuration names as machine networks. */
    private List<String> machineNetworks = new ArrayList<>();

    public Instant getNow() {
        return now;
    }

    public void setNow(Instant now) {
        this.now = now;
    }

    public InstallPhase getPhase() {
        return phase;
    }

    public void setPhase(InstallPhase phase) {
        this.phase = phase;
    }

    public Instant getInstallerStarted() {
        return installerStarted;
    }

    public void setInstallerStarted(Instant installerStarted) {
        this.installerStarted = installerStarted;
    }

    public List<String> getMachineNetworks() {
        return machineNetworks;
    }

    public void setMachineNetworks(List<String> machineNetworks) {
        this.machineNetworks = machineNetworks;
    }
}
