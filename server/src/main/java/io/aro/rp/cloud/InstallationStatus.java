package io.aro.rp.cloud;

import io.aro.rp.api.CloudErrorBody;
import java.util.Objects;

/** Where an installation stands, as the installer reports it. */
public sealed interface InstallationStatus {
    /** Still installing; {@code detail} says what the installer reports, for the logs. */
    record InProgress(String detail) implements InstallationStatus {
    }

    /** Installed: the credentials can be read. */
    record Installed() implements InstallationStatus {
    }

    /** The installation failed and will not recover; {@code error} is what the customer is told. */
    record Failed(CloudErrorBody error) implements InstallationStatus {
        public Failed {
            Objects.requireNonNull(error, "error");
        }
    }
}
