package io.aro.rp.backend;

import io.aro.rp.api.OpenShiftVersion;
import java.util.Optional;

/** The installable OpenShift versions, with the images that install them. */
public interface OpenShiftVersions {
    Optional<OpenShiftVersion> get(String version);
}
