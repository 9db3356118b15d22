package io.aro.rp.cli;

import java.io.Console;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "delete", description = "Delete a cluster and the Azure resources the service created for it.")
final class DeleteCommand extends AroSubcommand {
    @Mixin
    ClusterName cluster;
    @Mixin
    Waiting waiting;
    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.")
    boolean yes;

    @Override
    public void run() {
        if (!yes) {
            Console console = System.console();
            if (console == null) {
                throw new ParameterException(spec.commandLine(), "Deleting needs --yes when there is no terminal to confirm on.");
            }
            String answer = console.readLine("Are you sure you want to delete cluster '%s' and its resources? (y/N): ", cluster.name);
            if (answer == null || !answer.trim().equalsIgnoreCase("y")) {
                return;
            }
        }
        waiting.await(aro.client().beginDelete(cluster.resourceGroup, cluster.name), err());
    }
}
