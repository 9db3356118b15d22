package io.aro.rp.cloud.azure;

import com.azure.resourcemanager.resources.fluent.DeploymentsClient;
import com.azure.resourcemanager.resources.fluent.models.DeploymentExtendedInner;
import com.azure.resourcemanager.resources.fluent.models.DeploymentInner;
import com.azure.resourcemanager.resources.models.DeploymentMode;
import com.azure.resourcemanager.resources.models.DeploymentParameter;
import com.azure.resourcemanager.resources.models.DeploymentProperties;
import com.azure.resourcemanager.resources.models.ProvisioningState;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * ARM template deployments (Incremental) into the cluster's resource group, made idempotent: a
 * deployment of the same name that succeeded with the same parameters is not sent again, one that is
 * still running (started by a worker that crashed) is waited for rather than restarted, and anything
 * else is deployed.
 */
final class TemplateDeployments {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<ProvisioningState> TERMINAL = Set.of(ProvisioningState.SUCCEEDED, ProvisioningState.FAILED, ProvisioningState.CANCELED);

    private final LongRunningOperations operations;

    TemplateDeployments(LongRunningOperations operations) {
        this.operations = operations;
    }

    /** A template shipped with the RP, by file name next to this class. */
    static Map<String, Object> template(String fileName) {
        try (InputStream in = TemplateDeployments.class.getResourceAsStream(fileName)) {
            return JSON.readValue(Objects.requireNonNull(in, fileName), new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ARM template " + fileName, e);
        }
    }

    /** The succeeded deployment {@code name} of {@code template} with {@code parameters}. */
    DeploymentExtendedInner deploy(DeploymentsClient deployments, String group, String name, Map<String, Object> template,
            Map<String, Object> parameters) {
        String what = "deployment '" + name + "' in resource group '" + group + "'";
        DeploymentExtendedInner existing = operations.awaitState(() -> get(deployments, group, name),
                current -> current == null || TERMINAL.contains(current.properties().provisioningState()), what);
        if (existing != null && existing.properties().provisioningState() == ProvisioningState.SUCCEEDED
                && sameParameters(existing.properties().parameters(), parameters)) {
            return existing;
        }
        Map<String, DeploymentParameter> values = new LinkedHashMap<>();
        parameters.forEach((key, value) -> values.put(key, new DeploymentParameter().withValue(value)));
        DeploymentInner deployment = new DeploymentInner().withProperties(new DeploymentProperties()
                .withMode(DeploymentMode.INCREMENTAL).withTemplate(template).withParameters(values));
        return ArmErrors.translated(() -> operations.await(deployments.beginCreateOrUpdate(group, name, deployment), what), what);
    }

    /** The value of output {@code name} of a succeeded deployment. */
    static String output(DeploymentExtendedInner deployment, String name) {
        if (deployment.properties().outputs() instanceof Map<?, ?> outputs && outputs.get(name) instanceof Map<?, ?> output
                && output.get("value") != null) {
            return String.valueOf(output.get("value"));
        }
        throw new IllegalStateException("deployment '" + deployment.name() + "' has no output '" + name + "'");
    }

    private static DeploymentExtendedInner get(DeploymentsClient deployments, String group, String name) {
        return ArmErrors.absentAsNull(() -> deployments.getByResourceGroup(group, name),
                "reading deployment '" + name + "' in resource group '" + group + "'");
    }

    /** Whether a deployment's recorded parameters ({@code {"name": {"type": ..., "value": ...}}}) are {@code wanted}. */
    private static boolean sameParameters(Object recorded, Map<String, Object> wanted) {
        if (!(recorded instanceof Map<?, ?> actual)) {
            return false;
        }
        for (Map.Entry<String, Object> entry : wanted.entrySet()) {
            if (!(actual.get(entry.getKey()) instanceof Map<?, ?> parameter)
                    || !String.valueOf(entry.getValue()).equals(String.valueOf(parameter.get("value")))) {
                return false;
            }
        }
        return true;
    }
}
