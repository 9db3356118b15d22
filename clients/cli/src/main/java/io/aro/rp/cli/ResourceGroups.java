package io.aro.rp.cli;

import com.azure.core.management.exception.ManagementException;

/** What az aro reads of a resource group: its location, the default of a cluster's. */
final class ResourceGroups {
    private ResourceGroups() {
    }

    static String location(AzureSession azure, String resourceGroup) {
        try {
            return azure.resources().resourceGroups().getByName(resourceGroup).regionName();
        } catch (ManagementException e) {
            if (e.getResponse() != null && e.getResponse().getStatusCode() == 404) {
                throw CliException.notFound("Resource group '" + resourceGroup + "' could not be found: create it, or give --location.");
            }
            throw e;
        }
    }
}
