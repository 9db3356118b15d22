package io.aro.rp.api.v20231122;

import io.aro.rp.api.ResourceNames;
import io.aro.rp.generated.v20231122.model.OpenShiftVersion;
import io.aro.rp.generated.v20231122.model.OpenShiftVersionList;
import io.aro.rp.generated.v20231122.model.OpenShiftVersionProperties;
import java.util.List;

/** The installable OpenShift versions of a location in the 2023-11-22 model. */
public final class OpenShiftVersionConverter {
    public OpenShiftVersionList toExternal(String subscriptionId, String location, List<String> versions) {
        return new OpenShiftVersionList().value(versions.stream().map(version -> new OpenShiftVersion()
                .id("/subscriptions/" + subscriptionId + "/providers/" + ResourceNames.RESOURCE_PROVIDER_NAMESPACE + "/locations/" + location
                        + "/openShiftVersions/" + version)
                .name(version)
                .type(ResourceNames.RESOURCE_PROVIDER_NAMESPACE + "/locations/openShiftVersions")
                .properties(new OpenShiftVersionProperties().version(version))).toList());
    }
}
