package io.aro.rp.cli;

import com.azure.core.management.exception.ManagementException;
import com.fasterxml.jackson.databind.JsonNode;
import io.burt.jmespath.Expression;
import io.burt.jmespath.jackson.JacksonRuntime;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "wait", description = "Wait for a cluster to reach a desired state.")
final class WaitCommand extends AroSubcommand {
    @Mixin
    ClusterName cluster;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Condition condition;

    static final class Condition {
        @Option(names = "--created", description = "Wait until created with 'provisioningState' at 'Succeeded'.")
        boolean created;
        @Option(names = "--updated", description = "Wait until updated with provisioningState at 'Succeeded'.")
        boolean updated;
        @Option(names = "--deleted", description = "Wait until deleted.")
        boolean deleted;
        @Option(names = "--exists", description = "Wait until the resource exists.")
        boolean exists;
        @Option(names = "--custom", description = "Wait until the condition satisfies a custom JMESPath query, e.g. provisioningState!='InProgress'.")
        String custom;
    }

    @Option(names = "--interval", defaultValue = "30", description = "Polling interval in seconds. [Default: ${DEFAULT-VALUE}]")
    int interval;
    @Option(names = "--timeout", defaultValue = "3600", description = "Maximum wait in seconds. [Default: ${DEFAULT-VALUE}]")
    int timeout;

    @Override
    void execute() {
        Expression<JsonNode> custom;
        try {
            custom = condition.custom == null ? null : new JacksonRuntime().compile(condition.custom);
        } catch (RuntimeException e) {
            throw usage("argument --custom: invalid JMESPath query: '" + condition.custom + "'");
        }
        Instant deadline = Instant.now().plusSeconds(timeout);
        while (true) {
            JsonNode current = read();
            if (reached(current, custom)) {
                return;
            }
            if (current != null && !condition.deleted && !condition.exists && custom == null
                    && current.at("/properties/provisioningState").asText().matches("Failed|Canceled")) {
                throw new CliException("The cluster's provisioning state is " + current.at("/properties/provisioningState").asText() + ".");
            }
            if (Instant.now().plusSeconds(interval).isAfter(deadline)) {
                throw new CliException("Wait operation timed-out after " + timeout + " seconds");
            }
            try {
                Thread.sleep(Duration.ofSeconds(interval).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException("Interrupted.");
            }
        }
    }

    /** The cluster's JSON, or null when it does not exist. */
    private JsonNode read() {
        try {
            return cluster(cluster.resourceGroup, cluster.name);
        } catch (ManagementException e) {
            if (e.getResponse() != null && e.getResponse().getStatusCode() == 404) {
                return null;
            }
            throw e;
        }
    }

    private boolean reached(JsonNode cluster, Expression<JsonNode> custom) {
        if (condition.deleted) {
            return cluster == null;
        }
        if (cluster == null) {
            return false;
        }
        if (condition.exists) {
            return true;
        }
        if (custom != null) {
            JsonNode result = custom.search(cluster);
            return result != null && result.asBoolean(false);
        }
        return "Succeeded".equals(cluster.at("/properties/provisioningState").asText());
    }
}
