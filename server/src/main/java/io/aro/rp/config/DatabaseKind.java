package io.aro.rp.config;

/** ARO_DATABASE: where the RP keeps its state. */
public enum DatabaseKind {
    /** A file in ARO_DATA_DIR, for a local run or one process. */
    EMBEDDED,
    /** Azure Cosmos DB, shared by every frontend and backend. */
    COSMOS;

    @Override
    public String toString() {
        return Choice.name(this);
    }
}
