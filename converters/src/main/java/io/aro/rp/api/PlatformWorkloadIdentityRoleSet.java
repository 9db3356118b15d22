package io.aro.rp.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the operators of an OpenShift minor version need from their managed identities (ARO's
 * PlatformWorkloadIdentityRoleSet): for each operator, its Azure role, the service accounts that
 * authenticate as its identity, and where its credentials live in the cluster.
 */
public class PlatformWorkloadIdentityRoleSet extends MissingFields {
    /** The OpenShift minor version, for example {@code 4.14}. */
    private String openShiftVersion;
    private List<PlatformWorkloadIdentityRole> platformWorkloadIdentityRoles = new ArrayList<>();

    public String getOpenShiftVersion() {
        return openShiftVersion;
    }

    public void setOpenShiftVersion(String openShiftVersion) {
        this.openShiftVersion = openShiftVersion;
    }

    public List<PlatformWorkloadIdentityRole> getPlatformWorkloadIdentityRoles() {
        return platformWorkloadIdentityRoles;
    }

    public void setPlatformWorkloadIdentityRoles(List<PlatformWorkloadIdentityRole> platformWorkloadIdentityRoles) {
        this.platformWorkloadIdentityRoles = platformWorkloadIdentityRoles;
    }

    /** The role of the operator named {@code operatorName}. */
    public Optional<PlatformWorkloadIdentityRole> role(String operatorName) {
        return platformWorkloadIdentityRoles.stream().filter(r -> r.getOperatorName().equals(operatorName)).findFirst();
    }

    /** The minor version ({@code major.minor}) of an OpenShift version, or of a minor version itself. */
    public static String minorVersion(String version) {
        String[] parts = version.split("\\.");
        return parts.length < 2 ? version : parts[0] + "." + parts[1];
    }

    /** One operator's needs. */
    public static class PlatformWorkloadIdentityRole extends MissingFields {
        private String operatorName;
        private String roleDefinitionName;
        private String roleDefinitionId;
        /** Kubernetes service accounts, {@code system:serviceaccount:<namespace>:<name>}. */
        private List<String> serviceAccounts = new ArrayList<>();
        private SecretLocation secretLocation = new SecretLocation();

        public String getOperatorName() {
            return operatorName;
        }

        public void setOperatorName(String operatorName) {
            this.operatorName = operatorName;
        }

        public String getRoleDefinitionName() {
            return roleDefinitionName;
        }

        public void setRoleDefinitionName(String roleDefinitionName) {
            this.roleDefinitionName = roleDefinitionName;
        }

        public String getRoleDefinitionId() {
            return roleDefinitionId;
        }

        public void setRoleDefinitionId(String roleDefinitionId) {
            this.roleDefinitionId = roleDefinitionId;
        }

        public List<String> getServiceAccounts() {
            return serviceAccounts;
        }

        public void setServiceAccounts(List<String> serviceAccounts) {
            this.serviceAccounts = serviceAccounts;
        }

        public SecretLocation getSecretLocation() {
            return secretLocation;
        }

        public void setSecretLocation(SecretLocation secretLocation) {
            this.secretLocation = secretLocation;
        }
    }

    /** The in-cluster secret that holds an operator's credentials configuration. */
    public static class SecretLocation extends MissingFields {
        private String namespace;
        private String name;

        public String getNamespace() {
            return namespace;
        }

        public void setNamespace(String namespace) {
            this.namespace = namespace;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }
}
