package io.aro.rp.cloud.hive;

import static io.aro.rp.cloud.hive.KubernetesCalls.call;
import static io.aro.rp.cloud.hive.KubernetesCalls.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.aro.rp.api.CorrelationData;
import io.aro.rp.api.OpenShiftCluster;
import io.aro.rp.api.OpenShiftVersion;
import io.aro.rp.api.SecureString;
import io.aro.rp.cloud.ClusterAccess;
import io.aro.rp.cloud.InstallationStatus;
import io.aro.rp.cloud.OpenShiftInstaller;
import io.aro.rp.cloud.TransientCloudException;
import io.aro.rp.cloud.WorkloadIdentityInstall;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.openshift.api.model.hive.v1.ClusterDeployment;
import io.fabric8.openshift.api.model.hive.v1.ClusterDeploymentCondition;
import io.fabric8.openshift.api.model.hive.v1.ClusterDeploymentSpec;
import io.fabric8.openshift.api.model.hive.v1.ClusterMetadata;
import io.fabric8.openshift.api.model.hive.v1.ClusterProvision;
import io.fabric8.openshift.api.model.hive.v1.Platform;
import io.fabric8.openshift.api.model.hive.v1.Provisioning;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs clusters through Hive on a management cluster, as ARO does: per cluster a namespace with the
 * pull secret, the service principal (openshift-install's {@code osServicePrincipal.json}) or, for a
 * managed identity cluster, the cluster identity's certificate, the token signing key and the workload
 * identity manifests, the
 * install-config and a {@code ClusterDeployment} created with {@code preserveOnDelete} (the RP deletes
 * the cluster's Azure resources itself) and one install attempt. Hive runs the installer and reports in
 * the ClusterDeployment; once installed, its {@code spec.clusterMetadata} names the secrets holding the
 * admin kubeconfig and the kubeadmin password.
 *
 * <p>Every object is read, then created or updated only when it differs, so each call is idempotent and
 * may be repeated by any worker after a crash.
 */
public final class HiveInstaller implements OpenShiftInstaller {
    private static final Logger LOG = LoggerFactory.getLogger(HiveInstaller.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String CLUSTER_DEPLOYMENT = "cluster";
    static final String PULL_SECRET = "aro-pullsecret";
    static final String SERVICE_PRINCIPAL_SECRET = "cluster-service-principal-secret";
    static final String INSTALL_CONFIG_SECRET = "aro-installconfig";
    static final String ADOPTED_KUBECONFIG_SECRET = "aro-service-kubeconfig-secret";
    /** Managed identity clusters: the manifests the installer adds (the issuer, the operators' credentials) and the token signing key. */
    static final String WORKLOAD_IDENTITY_MANIFESTS_SECRET = "aro-workload-identity-manifests";
    static final String SIGNING_KEY_SECRET = "aro-bound-service-account-signing-key";
    static final String SIGNING_KEY = "bound-service-account-signing-key.key";
    /** Where the installer finds the cluster identity's certificate: Hive mounts the credentials secret at /.azure. */
    static final String CLUSTER_IDENTITY_CERTIFICATE = "cluster-identity.pfx";
    /** Where OpenShift projects the service account token that an operator exchanges for its identity's. */
    static final String FEDERATED_TOKEN_FILE = "/var/run/secrets/openshift/serviceaccount/token";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    static final String RESOURCE_ID = "aro.openshift.io/resource-id";
    static final String CORRELATION_REQUEST_ID = "aro.openshift.io/correlation-request-id";
    static final String CLIENT_REQUEST_ID = "aro.openshift.io/client-request-id";
    static final String REQUEST_ID = "aro.openshift.io/request-id";

    private final KubernetesClient hive;
    private final String cloudName;

    /**
     * @param hive the management cluster that runs Hive
     * @param cloudName the installer's name of the Azure cloud, {@code AzurePublicCloud} in the public cloud
     */
    public HiveInstaller(KubernetesClient hive, String cloudName) {
        this.hive = hive;
        this.cloudName = cloudName;
    }

    /** Checks that the management cluster answers and serves Hive's ClusterDeployments, so that a misconfigured RP stops at start. */
    public void verify() {
        try {
            hive.resources(ClusterDeployment.class).inAnyNamespace().list(new io.fabric8.kubernetes.api.model.ListOptionsBuilder().withLimit(1L).build());
        } catch (KubernetesClientException e) {
            throw new IllegalStateException("Hive's management cluster (" + hive.getMasterUrl() + ") does not serve ClusterDeployments: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void install(OpenShiftCluster cluster, OpenShiftVersion version, CorrelationData correlation, WorkloadIdentityInstall workloadIdentity) {
        String namespace = namespace(cluster);
        ensureNamespace(namespace, cluster);
        ensureSecret(namespace, PULL_SECRET, "kubernetes.io/dockerconfigjson", Map.of(".dockerconfigjson", pullSecret(cluster)));
        if (workloadIdentity == null) {
            ensureSecret(namespace, SERVICE_PRINCIPAL_SECRET, "Opaque", Map.of("osServicePrincipal.json", servicePrincipal(cluster)));
        } else {
            ensureWorkloadIdentity(namespace, cluster, workloadIdentity);
        }
        ensureSecret(namespace, INSTALL_CONFIG_SECRET, "Opaque", Map.of("install-config.yaml",
                InstallConfig.yaml(cluster, cluster.getProperties().getInstall().getMachineNetworks(), cloudName)));
        ensureClusterDeployment(namespace, cluster, correlation, () -> installing(namespace, cluster, version));
    }

    /**
     * What the installer needs for a managed identity cluster (OpenShift's manual credentials mode): the
     * cluster identity's certificate to create the infrastructure with, the key that signs the cluster's
     * service account tokens, and manifests that name the OIDC issuer and give each operator the
     * credentials secret that points at its identity.
     */
    private void ensureWorkloadIdentity(String namespace, OpenShiftCluster cluster, WorkloadIdentityInstall workloadIdentity) {
        var certificate = workloadIdentity.clusterIdentity();
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("subscriptionId", cluster.getId().split("/")[2]);
        credentials.put("clientId", certificate.clientId());
        credentials.put("tenantId", certificate.tenantId());
        credentials.put("clientCertificate", "/.azure/" + CLUSTER_IDENTITY_CERTIFICATE);
        Map<String, byte[]> secret = new LinkedHashMap<>();
        secret.put("osServicePrincipal.json", json(credentials).getBytes(StandardCharsets.UTF_8));
        secret.put(CLUSTER_IDENTITY_CERTIFICATE, certificate.pkcs12());
        ensureSecretBytes(namespace, SERVICE_PRINCIPAL_SECRET, "Opaque", secret);
        ensureSecret(namespace, SIGNING_KEY_SECRET, "Opaque",
                Map.of(SIGNING_KEY, cluster.getProperties().getClusterProfile().getBoundServiceAccountSigningKey().reveal()));
        ensureSecret(namespace, WORKLOAD_IDENTITY_MANIFESTS_SECRET, "Opaque", workloadIdentityManifests(cluster, workloadIdentity, certificate.tenantId()));
    }

    /** The Authentication config that makes the cluster's tokens name the issuer, and each operator's credentials secret. */
    static Map<String, String> workloadIdentityManifests(OpenShiftCluster cluster, WorkloadIdentityInstall workloadIdentity, String tenantId) {
        Map<String, String> manifests = new LinkedHashMap<>();
        ObjectNode authentication = YAML.createObjectNode().put("apiVersion", "config.openshift.io/v1").put("kind", "Authentication");
        authentication.putObject("metadata").put("name", "cluster");
        authentication.putObject("spec").put("serviceAccountIssuer", cluster.getProperties().getClusterProfile().getOidcIssuer());
        manifests.put("cluster-authentication-02-config.yaml", yaml(authentication));
        cluster.getProperties().getPlatformWorkloadIdentityProfile().getPlatformWorkloadIdentities().forEach((operator, identity) ->
                workloadIdentity.roleSet().role(operator).ifPresent(role -> {
                    ObjectNode secret = YAML.createObjectNode().put("apiVersion", "v1").put("kind", "Secret").put("type", "Opaque");
                    secret.putObject("metadata").put("name", role.getSecretLocation().getName()).put("namespace", role.getSecretLocation().getNamespace());
                    secret.putObject("stringData")
                            .put("azure_client_id", identity.getClientId())
                            .put("azure_tenant_id", tenantId)
                            .put("azure_region", cluster.getLocation())
                            .put("azure_subscription_id", cluster.getId().split("/")[2])
                            .put("azure_resourcegroup", InstallConfig.SubnetId.lastSegment(cluster.getProperties().getClusterProfile().getResourceGroupId()))
                            .put("azure_federated_token_file", FEDERATED_TOKEN_FILE);
                    manifests.put("99_" + operator + "-credentials.yaml", yaml(secret));
                }));
        return manifests;
    }

    @Override
    public InstallationStatus status(OpenShiftCluster cluster) {
        String namespace = namespace(cluster);
        ClusterDeployment cd = clusterDeployment(namespace);
        if (cd == null) {
            return new InstallationStatus.InProgress("the ClusterDeployment is not there");
        }
        if (Boolean.TRUE.equals(cd.getSpec().getInstalled())) {
            return new InstallationStatus.Installed();
        }
        Optional<ClusterDeploymentCondition> provisionFailed = condition(cd, "ProvisionFailed");
        if (provisionFailed.isPresent() || condition(cd, "ProvisionStopped").isPresent()) {
            String reason = provisionFailed.map(ClusterDeploymentCondition::getReason).orElse(null);
            LOG.atWarn().addKeyValue("reason", reason).addKeyValue("namespace", namespace).log("Hive reports the installation failed: {}",
                    provisionFailed.map(ClusterDeploymentCondition::getMessage).orElse("provisioning stopped"));
            return new InstallationStatus.Failed(HiveFailures.toCloudError(reason, installLog(namespace, cd)));
        }
        for (String type : List.of("InstallLaunchError", "InstallImagesNotResolved")) {
            Optional<ClusterDeploymentCondition> broken = condition(cd, type);
            if (broken.isPresent()) {
                // Hive could not start the installer at all: nothing the customer did, but it will not recover by waiting
                LOG.atError().addKeyValue("condition", type).addKeyValue("reason", broken.get().getReason()).addKeyValue("namespace", namespace)
                        .log("Hive cannot run the installation: {}", broken.get().getMessage());
                return new InstallationStatus.Failed(HiveFailures.GENERIC);
            }
        }
        String detail = condition(cd, "Provisioned", "False").map(c -> c.getReason() + ": " + c.getMessage()).orElse("waiting for Hive");
        return new InstallationStatus.InProgress(detail);
    }

    @Override
    public ClusterAccess access(OpenShiftCluster cluster) {
        String namespace = namespace(cluster);
        ClusterDeployment cd = clusterDeployment(namespace);
        ClusterMetadata metadata = cd == null ? null : cd.getSpec().getClusterMetadata();
        if (metadata == null || metadata.getAdminKubeconfigSecretRef() == null || metadata.getAdminPasswordSecretRef() == null) {
            throw new TransientCloudException("Hive has not recorded the cluster's credentials in namespace " + namespace + " yet");
        }
        String kubeconfig = secretValue(namespace, metadata.getAdminKubeconfigSecretRef().getName(), "kubeconfig");
        String password = secretValue(namespace, metadata.getAdminPasswordSecretRef().getName(), "password");
        if (cd.getStatus() == null || cd.getStatus().getApiURL() == null || cd.getStatus().getWebConsoleURL() == null) {
            throw new TransientCloudException("Hive has not recorded the cluster's API and console URLs in namespace " + namespace + " yet");
        }
        return new ClusterAccess(cd.getStatus().getApiURL(), cd.getStatus().getWebConsoleURL(), metadata.getInfraID(), SecureString.of(password),
                SecureString.of(kubeconfig));
    }

    @Override
    public void updateInstallation(OpenShiftCluster cluster, CorrelationData correlation) {
        String namespace = namespace(cluster);
        ensureNamespace(namespace, cluster);
        ensureSecret(namespace, PULL_SECRET, "kubernetes.io/dockerconfigjson", Map.of(".dockerconfigjson", pullSecret(cluster)));
        if (!cluster.usesWorkloadIdentity()) { // a managed identity cluster's credentials secret is written at install only
            ensureSecret(namespace, SERVICE_PRINCIPAL_SECRET, "Opaque", Map.of("osServicePrincipal.json", servicePrincipal(cluster)));
        }
        ensureClusterDeployment(namespace, cluster, correlation, () -> {
            // lost from Hive: adopt the installed cluster again with the kubeconfig the RP keeps (ARO's adoption)
            ensureSecret(namespace, ADOPTED_KUBECONFIG_SECRET, "Opaque", Map.of("kubeconfig", cluster.getProperties().getAdminKubeconfig().reveal()));
            return adopted(namespace, cluster);
        });
    }

    @Override
    public void deleteInstallation(OpenShiftCluster cluster) {
        String namespace = cluster.getProperties().getHiveProfile().getNamespace();
        if (namespace == null) {
            return; // the install never got as far as naming it
        }
        run(() -> hive.namespaces().withName(namespace).delete(), "deleting namespace " + namespace);
        LOG.atInfo().addKeyValue("namespace", namespace).log("deleted the cluster's Hive namespace");
    }

    private void ensureNamespace(String namespace, OpenShiftCluster cluster) {
        if (call(() -> hive.namespaces().withName(namespace).get(), "reading namespace " + namespace) != null) {
            return;
        }
        Namespace ns = new NamespaceBuilder().withNewMetadata().withName(namespace).addToLabels(MANAGED_BY, "aro-rp")
                .addToAnnotations(RESOURCE_ID, cluster.getId()).endMetadata().build();
        createUnlessThere(() -> hive.namespaces().resource(ns).create(), "creating namespace " + namespace);
    }

    private void ensureSecret(String namespace, String name, String type, Map<String, String> values) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        values.forEach((key, value) -> bytes.put(key, value.getBytes(StandardCharsets.UTF_8)));
        ensureSecretBytes(namespace, name, type, bytes);
    }

    private void ensureSecretBytes(String namespace, String name, String type, Map<String, byte[]> values) {
        Map<String, String> data = new LinkedHashMap<>();
        values.forEach((key, value) -> data.put(key, Base64.getEncoder().encodeToString(value)));
        String what = "secret " + namespace + "/" + name;
        Secret existing = call(() -> hive.secrets().inNamespace(namespace).withName(name).get(), "reading " + what);
        if (existing == null) {
            Secret secret = new SecretBuilder().withNewMetadata().withName(name).withNamespace(namespace).addToLabels(MANAGED_BY, "aro-rp").endMetadata()
                    .withType(type).withData(data).build();
            if (createUnlessThere(() -> hive.secrets().inNamespace(namespace).resource(secret).create(), "creating " + what)) {
                return;
            }
            existing = call(() -> hive.secrets().inNamespace(namespace).withName(name).get(), "reading " + what);
        }
        if (!data.equals(existing.getData())) {
            run(() -> hive.secrets().inNamespace(namespace).withName(name).edit(s -> new SecretBuilder(s).withData(data).build()), "updating " + what);
        }
    }

    /** Creates the ClusterDeployment with {@code create} when there is none; otherwise brings its annotations up to date. */
    private void ensureClusterDeployment(String namespace, OpenShiftCluster cluster, CorrelationData correlation,
            java.util.function.Supplier<ClusterDeployment> create) {
        Map<String, String> annotations = annotations(cluster, correlation);
        ClusterDeployment existing = clusterDeployment(namespace);
        if (existing == null) {
            ClusterDeployment cd = create.get();
            cd.getMetadata().getAnnotations().putAll(annotations);
            if (createUnlessThere(() -> hive.resources(ClusterDeployment.class).inNamespace(namespace).resource(cd).create(),
                    "creating ClusterDeployment " + namespace + "/" + CLUSTER_DEPLOYMENT)) {
                LOG.atInfo().addKeyValue("namespace", namespace).log("created the ClusterDeployment");
                return;
            }
            existing = clusterDeployment(namespace);
        }
        Map<String, String> current = existing.getMetadata().getAnnotations() == null ? Map.of() : existing.getMetadata().getAnnotations();
        if (!annotations.entrySet().stream().allMatch(e -> e.getValue().equals(current.get(e.getKey())))) {
            run(() -> hive.resources(ClusterDeployment.class).inNamespace(namespace).withName(CLUSTER_DEPLOYMENT).edit(cd -> {
                cd.getMetadata().getAnnotations().putAll(annotations);
                return cd;
            }), "annotating ClusterDeployment " + namespace + "/" + CLUSTER_DEPLOYMENT);
        }
    }

    /** The ClusterDeployment of a new installation. */
    private ClusterDeployment installing(String namespace, OpenShiftCluster cluster, OpenShiftVersion version) {
        ClusterDeploymentSpec spec = baseSpec(cluster);
        spec.setInstalled(false);
        spec.setInstallAttemptsLimit(1);
        spec.setPullSecretRef(new LocalObjectReference(PULL_SECRET));
        Provisioning provisioning = new Provisioning();
        provisioning.setReleaseImage(version.openShiftPullspec());
        provisioning.setInstallerImageOverride(version.installerPullspec());
        provisioning.setInstallConfigSecretRef(new LocalObjectReference(INSTALL_CONFIG_SECRET));
        if (cluster.usesWorkloadIdentity()) {
            provisioning.setManifestsSecretRef(new LocalObjectReference(WORKLOAD_IDENTITY_MANIFESTS_SECRET));
            spec.setBoundServiceAccountSigningKeySecretRef(new LocalObjectReference(SIGNING_KEY_SECRET));
        }
        spec.setProvisioning(provisioning);
        return clusterDeployment(namespace, cluster, spec);
    }

    /** The ClusterDeployment of a cluster that is installed already, which Hive adopts. */
    private ClusterDeployment adopted(String namespace, OpenShiftCluster cluster) {
        ClusterDeploymentSpec spec = baseSpec(cluster);
        spec.setInstalled(true);
        ClusterMetadata metadata = new ClusterMetadata();
        metadata.setAdminKubeconfigSecretRef(new LocalObjectReference(ADOPTED_KUBECONFIG_SECRET));
        metadata.setClusterID(cluster.getId().toLowerCase(java.util.Locale.ROOT));
        metadata.setInfraID(cluster.getProperties().getHiveProfile().getInfraId());
        spec.setClusterMetadata(metadata);
        return clusterDeployment(namespace, cluster, spec);
    }

    private ClusterDeploymentSpec baseSpec(OpenShiftCluster cluster) {
        ClusterDeploymentSpec spec = new ClusterDeploymentSpec();
        spec.setClusterName(InstallConfig.clusterName(cluster));
        spec.setBaseDomain(InstallConfig.baseDomain(cluster));
        io.fabric8.openshift.api.model.hive.azure.v1.Platform azure = new io.fabric8.openshift.api.model.hive.azure.v1.Platform();
        azure.setRegion(cluster.getLocation());
        azure.setCloudName(cloudName);
        azure.setBaseDomainResourceGroupName(InstallConfig.SubnetId.lastSegment(cluster.getProperties().getClusterProfile().getResourceGroupId()));
        azure.setCredentialsSecretRef(new LocalObjectReference(SERVICE_PRINCIPAL_SECRET));
        Platform platform = new Platform();
        platform.setAzure(azure);
        spec.setPlatform(platform);
        spec.setPreserveOnDelete(true); // the RP deletes the cluster's Azure resources itself
        spec.setManageDNS(false);
        return spec;
    }

    private static ClusterDeployment clusterDeployment(String namespace, OpenShiftCluster cluster, ClusterDeploymentSpec spec) {
        ObjectMeta metadata = new ObjectMetaBuilder().withName(CLUSTER_DEPLOYMENT).withNamespace(namespace)
                .addToLabels(MANAGED_BY, "aro-rp")
                .addToLabels("hive.openshift.io/cluster-platform", "azure")
                .addToLabels("hive.openshift.io/cluster-region", cluster.getLocation())
                // no hibernation: ARO clusters are not hibernated by Hive
                .addToAnnotations("hive.openshift.io/infra-disabled", "true")
                .build();
        ClusterDeployment cd = new ClusterDeployment();
        cd.setMetadata(metadata);
        cd.setSpec(spec);
        return cd;
    }

    private static Map<String, String> annotations(OpenShiftCluster cluster, CorrelationData correlation) {
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put(RESOURCE_ID, cluster.getId());
        if (correlation != null) {
            putIfPresent(annotations, CORRELATION_REQUEST_ID, correlation.correlationRequestId());
            putIfPresent(annotations, CLIENT_REQUEST_ID, correlation.clientRequestId());
            putIfPresent(annotations, REQUEST_ID, correlation.requestId());
        }
        return annotations;
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private ClusterDeployment clusterDeployment(String namespace) {
        return call(() -> hive.resources(ClusterDeployment.class).inNamespace(namespace).withName(CLUSTER_DEPLOYMENT).get(),
                "reading ClusterDeployment " + namespace + "/" + CLUSTER_DEPLOYMENT);
    }

    /** The log of the installer's last attempt, which holds ARM's error details, or null. */
    private String installLog(String namespace, ClusterDeployment cd) {
        if (cd.getStatus() == null || cd.getStatus().getProvisionRef() == null) {
            return null;
        }
        String name = cd.getStatus().getProvisionRef().getName();
        ClusterProvision provision = call(() -> hive.resources(ClusterProvision.class).inNamespace(namespace).withName(name).get(),
                "reading ClusterProvision " + namespace + "/" + name);
        return provision == null || provision.getSpec() == null ? null : provision.getSpec().getInstallLog();
    }

    private String secretValue(String namespace, String name, String key) {
        Secret secret = call(() -> hive.secrets().inNamespace(namespace).withName(name).get(), "reading secret " + namespace + "/" + name);
        String value = secret == null || secret.getData() == null ? null : secret.getData().get(key);
        if (value == null) {
            throw new TransientCloudException("secret " + namespace + "/" + name + " has no " + key + " yet");
        }
        return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
    }

    private static Optional<ClusterDeploymentCondition> condition(ClusterDeployment cd, String type) {
        return condition(cd, type, "True");
    }

    private static Optional<ClusterDeploymentCondition> condition(ClusterDeployment cd, String type, String status) {
        if (cd.getStatus() == null || cd.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return cd.getStatus().getConditions().stream().filter(c -> type.equals(c.getType()) && status.equals(c.getStatus())).findFirst();
    }

    /** Creates an object; returns false when another worker created it first. */
    private static boolean createUnlessThere(Runnable create, String what) {
        try {
            run(create, what);
            return true;
        } catch (KubernetesClientException e) {
            if (KubernetesCalls.isConflict(e)) {
                return false;
            }
            throw e;
        }
    }

    private static String pullSecret(OpenShiftCluster cluster) {
        SecureString pullSecret = cluster.getProperties().getClusterProfile().getPullSecret();
        return pullSecret == null || pullSecret.reveal().isEmpty() ? "{\"auths\":{}}" : pullSecret.reveal();
    }

    /** openshift-install's osServicePrincipal.json for the cluster's service principal. */
    private static String servicePrincipal(OpenShiftCluster cluster) {
        var sp = cluster.getProperties().getServicePrincipalProfile();
        Map<String, String> json = new LinkedHashMap<>();
        json.put("subscriptionId", cluster.getId().split("/")[2]);
        json.put("clientId", sp.getClientId());
        json.put("clientSecret", sp.getClientSecret() == null ? "" : sp.getClientSecret().reveal());
        json.put("tenantId", sp.getTenantId());
        return json(json);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String yaml(ObjectNode manifest) {
        try {
            return YAML.writeValueAsString(manifest);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String namespace(OpenShiftCluster cluster) {
        return Objects.requireNonNull(cluster.getProperties().getHiveProfile().getNamespace(), "the cluster has no Hive namespace yet");
    }
}
