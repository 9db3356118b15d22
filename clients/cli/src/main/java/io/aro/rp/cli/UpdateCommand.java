package io.aro.rp.cli;

import io.aro.rp.sdk.AroClient;
import io.aro.rp.sdk.v20250725.models.OpenShiftCluster;
import io.aro.rp.sdk.v20250725.models.OpenShiftClusterUpdate;
import io.aro.rp.sdk.v20250725.models.OpenShiftClusterProperties;
import io.aro.rp.sdk.v20250725.models.ServicePrincipalProfile;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "update", description = "Update what the API lets change: tags and the service principal's credentials.")
final class UpdateCommand extends AroSubcommand {
    @Mixin
    ClusterName cluster;
    @Mixin
    Waiting waiting;

    @Option(names = "--tags", split = " ", description = "The cluster's tags, key=value; they replace the current ones.")
    Map<String, String> tags;
    @Option(names = "--client-id", description = "A new service principal, for credential rotation.")
    String clientId;
    @Option(names = "--client-secret", description = "The service principal's new secret.")
    String clientSecret;

    @Override
    public void run() {
        if (tags == null && clientId == null && clientSecret == null) {
            throw new ParameterException(spec.commandLine(), "Nothing to update: give --tags, --client-id or --client-secret.");
        }
        AroClient client = aro.client();
        OpenShiftClusterUpdate update = new OpenShiftClusterUpdate().tags(tags);
        if (clientId != null || clientSecret != null) {
            update.properties(new OpenShiftClusterProperties()
                    .servicePrincipalProfile(new ServicePrincipalProfile().clientId(clientId).clientSecret(clientSecret)));
        }
        OpenShiftCluster updated = waiting.await(client.beginUpdate(cluster.resourceGroup, cluster.name, update), err());
        if (updated != null) {
            Output.one(out(), aro.output, updated, Clusters.COLUMNS);
        }
    }
}
