package io.aro.rp.cli;

import io.aro.rp.sdk.v20250725.models.OpenShiftVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "get-versions", description = "List the OpenShift versions new clusters in a region may use.")
final class GetVersionsCommand extends AroSubcommand {
    private static final Output.Columns<OpenShiftVersion> COLUMNS = new Output.Columns<OpenShiftVersion>()
            .add("Version", v -> v.getProperties() == null ? null : v.getProperties().getVersion());

    @Option(names = {"-l", "--location"}, defaultValue = "eastus", description = "The region (default: ${DEFAULT-VALUE}).")
    String location;

    @Override
    public void run() {
        Output.many(out(), aro.output, aro.client().listVersions(location).stream().toList(), COLUMNS);
    }
}
