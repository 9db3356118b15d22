package io.aro.rp.database;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.aro.rp.api.MissingFields;
import io.aro.rp.api.OpenShiftVersion;

/** An OpenShift version as the OpenShiftVersions container holds it (ARO's OpenShiftVersionDocument); its id is the version. */
public class OpenShiftVersionDocument extends Document {
    private Properties properties = new Properties();

    public Properties getProperties() {
        return properties;
    }

    public void setProperties(Properties properties) {
        this.properties = properties;
    }

    /** The version with the images that install it. */
    public OpenShiftVersion toVersion() {
        return new OpenShiftVersion(properties.getVersion(), properties.getOpenShiftPullspec(), properties.getInstallerPullspec());
    }

    /** What an SRE sets through the admin API. */
    public static class Properties extends MissingFields {
        private String version;
        private boolean enabled;
        private boolean isDefault;
        private String openShiftPullspec;
        private String installerPullspec;

        public String getVersion() {
            return version;
        }

        public void setVersion(String version) {
            this.version = version;
        }

        /** Whether new clusters may be created with it. */
        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** Whether a new cluster that names no version gets it; at most one version is. */
        @JsonProperty("default")
        public boolean isDefault() {
            return isDefault;
        }

        @JsonProperty("default")
        public void setDefault(boolean isDefault) {
            this.isDefault = isDefault;
        }

        public String getOpenShiftPullspec() {
            return openShiftPullspec;
        }

        public void setOpenShiftPullspec(String openShiftPullspec) {
            this.openShiftPullspec = openShiftPullspec;
        }

        public String getInstallerPullspec() {
            return installerPullspec;
        }

        public void setInstallerPullspec(String installerPullspec) {
            this.installerPullspec = installerPullspec;
        }
    }
}
