package io.aro.rp.config;

/** ARO_CLOUD: what the backend drives. */
public enum CloudKind {
    /** Nothing reaches Azure or Hive: a simulated cloud and installer in ARO_DATA_DIR. */
    SIMULATED,
    /** Azure through ARM, and OpenShift installed through Hive. */
    AZURE;

    @Override
    public String toString() {
        return Choice.name(this);
    }
}
