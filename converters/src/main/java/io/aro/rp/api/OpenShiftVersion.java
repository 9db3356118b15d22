package io.aro.rp.api;

import java.util.Objects;

/**
 * An OpenShift version new clusters may be installed with (ARO's OpenShiftVersion): the release Hive
 * installs and the installer image that installs it.
 *
 * @param version the version, for example {@code 4.14.38}
 * @param openShiftPullspec the release image (Hive's {@code spec.provisioning.releaseImage})
 * @param installerPullspec the installer image (Hive's {@code spec.provisioning.installerImageOverride})
 */
public record OpenShiftVersion(String version, String openShiftPullspec, String installerPullspec) {
    public OpenShiftVersion {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(openShiftPullspec, "openShiftPullspec");
        Objects.requireNonNull(installerPullspec, "installerPullspec");
    }

    /** The version with the public release image of its tag and ARO's installer image of its minor version. */
    public static OpenShiftVersion withDefaultPullspecs(String version) {
        String[] parts = version.split("\\.");
        String minor = parts.length >= 2 ? parts[0] + "." + parts[1] : version;
        return new OpenShiftVersion(version, "quay.io/openshift-release-dev/ocp-release:" + version + "-x86_64",
                "arosvc.azurecr.io/aro-installer:release-" + minor);
    }
}
