package io.aro.rp.cli;

import com.azure.core.util.Context;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "list-credentials", description = "List credentials of a cluster.")
final class ListCredentialsCommand extends AroSubcommand {
    @Mixin
    ClusterName cluster;

    @Override
    void execute() {
        print(answer(session().aro().serviceClient().getOpenShiftClusters().listCredentialsWithResponse(cluster.resourceGroup, cluster.name,
                Context.NONE)));
    }
}
