package io.aro.rp.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.aro.rp.sdk.fluent.models.OpenShiftVersionInner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "get-versions", description = "List versions available for installation.")
final class GetVersionsCommand extends AroSubcommand {
    @Option(names = {"-l", "--location"}, required = true, description = "Location.")
    String location;

    @Override
    void execute() {
        List<String> versions = new ArrayList<>(session().aro().serviceClient().getOpenShiftVersions().list(location).stream()
                .map(OpenShiftVersionInner::version).sorted().toList());
        print(Output.tree(versions), GetVersionsCommand::table);
    }

    private static List<Map<String, Object>> table(JsonNode versions) {
        List<Map<String, Object>> rows = new ArrayList<>();
        versions.forEach(version -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("Version", version.asText());
            rows.add(row);
        });
        return rows;
    }
}
