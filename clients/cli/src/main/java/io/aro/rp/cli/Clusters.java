package io.aro.rp.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A cluster as az aro's table shows it. */
final class Clusters {
    private Clusters() {
    }

    /** az aro's columns, by JSON pointer; the resource group comes from the ID. */
    private static final Map<String, String> COLUMNS = columns();

    private static Map<String, String> columns() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("Name", "/name");
        columns.put("ResourceGroup", "/resourceGroup");
        columns.put("Location", "/location");
        columns.put("ProvisioningState", "/properties/provisioningState");
        columns.put("WorkerCount", "/properties/workerProfiles/0/count");
        columns.put("URL", "/properties/consoleProfile/url");
        return columns;
    }

    static List<Map<String, Object>> table(JsonNode result) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode cluster : result.isArray() ? result : List.of(result)) {
            Map<String, Object> row = Output.row(cluster, COLUMNS);
            row.put("ResourceGroup", ResourceIds.resourceGroup(cluster.path("id").asText()));
            rows.add(row);
        }
        return rows;
    }
}
