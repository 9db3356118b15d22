package io.aro.rp.cli;

import io.aro.rp.sdk.v20231122.models.OpenShiftVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "get-versions", description = "List the OpenShift versions new clusters in a region may use.")
final class GetVersionsCommand implements Runnable {
    private static final Output.Columns<OpenShiftVersion> COLUMNS = new Output.Columns<OpenShiftVersion>()
            .add("Version", v -> v.getProperties() == null ? null : v.getProperties().getVersion());

    @ParentCommand
    AroCommand aro;
    @Option(names = {"-l", "--location"}, defaultValue = "eastus", description = "The region (default: ${DEFAULT-VALUE}).")
    String location;
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        Output.many(spec.commandLine().getOut(), aro.output, aro.client().listVersions(location).stream().toList(), COLUMNS);
    }
}
