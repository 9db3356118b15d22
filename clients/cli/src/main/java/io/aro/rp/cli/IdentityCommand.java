package io.aro.rp.cli;

import com.azure.resourcemanager.msi.models.Identity;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aro identity}: the managed identities and role assignments a managed identity cluster needs, listed or created. */
@Command(name = "identity", description = "Manage the identities of managed identity clusters.",
        subcommands = {IdentityCommand.GetRequired.class, IdentityCommand.CreateRequired.class})
final class IdentityCommand {
    /** The options both subcommands take: where the cluster will be, its version and its network. */
    static final class Requirements {
        @Option(names = {"-g", "--resource-group"}, required = true, description = "Name of resource group: where the identities are created.")
        String resourceGroup;
        @Option(names = {"-l", "--location"}, description = "Location (default: the resource group's).")
        String location;
        @Option(names = "--version", required = true, description = "OpenShift version the cluster will be created with.")
        String version;
        @Mixin
        NetworkOptions network;
        @Option(names = "--disk-encryption-set", description = "ResourceID of the DiskEncryptionSet to be used for master and worker VMs.")
        String diskEncryptionSet;

        /** The identities' region: -l, else the resource group's. */
        String region(AzureSession azure) {
            return location != null ? location : ResourceGroups.location(azure, resourceGroup);
        }

        RequiredIdentities resolve(AzureSession azure, String region) {
            String subscriptionId = azure.subscriptionId();
            String masterSubnetId = network.masterSubnetId(subscriptionId, resourceGroup);
            return RequiredIdentities.of(azure, new RequiredIdentities.Location(resourceGroup, region), version, masterSubnetId,
                    network.workerSubnetId(subscriptionId, resourceGroup), ResourceIds.vnetOf(masterSubnetId), diskEncryptionSet);
        }
    }

    @Command(name = "get-required", description = "Show the Azure CLI commands that create the identities and role assignments a cluster needs.")
    static final class GetRequired extends AroSubcommand {
        @Mixin
        Requirements requirements;

        @Override
        void execute() {
            String location = requirements.region(session());
            RequiredIdentities required = requirements.resolve(session(), location);
            String rg = requirements.resourceGroup;
            StringBuilder text = new StringBuilder("Use the following Azure CLI commands to create the required managed identities:");
            required.identities().forEach(name -> text.append("\naz identity create -g '").append(rg).append("' -n '").append(name)
                    .append("' -l '").append(location).append("'"));
            text.append("\n\nUse the following Azure CLI commands to create the required role assignments:");
            for (RequiredIdentities.Assignment assignment : required.assignments()) {
                String assignee = assignment.assignee().isFirstParty()
                        ? "$(az ad sp list --display-name 'Azure Red Hat OpenShift RP' --query '[0].id' -o tsv)"
                        : "$(az identity show -g '" + rg + "' -n '" + assignment.assignee().identity() + "' --query principalId -o tsv)";
                text.append("\naz role assignment create --assignee-object-id \"").append(assignee)
                        .append("\" --assignee-principal-type ServicePrincipal --role '").append(assignment.roleDefinitionId())
                        .append("' --scope '").append(assignment.scope()).append("'");
            }
            warn(text.toString());
        }
    }

    @Command(name = "create-required", description = "Create the identities and role assignments a cluster needs.")
    static final class CreateRequired extends AroSubcommand {
        @Mixin
        Requirements requirements;
        @Option(names = {"-y", "--yes"}, description = "Do not prompt for confirmation.")
        boolean yes;

        @Override
        void execute() {
            if (!yes && !Confirmation.ask(this, "Required identities and role assignments will be created. Proceed?")) {
                return;
            }
            String region = requirements.region(session());
            print(create(session(), requirements.resolve(session(), region), requirements.resourceGroup, region));
        }
    }

    /** Creates the identities and their role assignments; the identities as ARM has them, the cluster identity first. */
    static ArrayNode create(AzureSession azure, RequiredIdentities required, String resourceGroup, String region) {
        Map<String, Identity> created = new LinkedHashMap<>();
        for (String name : required.identities()) {
            created.put(name, azure.identities().identities().define(name).withRegion(region).withExistingResourceGroup(resourceGroup).create());
        }
        String firstParty = null;
        for (RequiredIdentities.Assignment assignment : required.assignments()) {
            String principal;
            if (assignment.assignee().isFirstParty()) {
                if (firstParty == null) {
                    firstParty = azure.authorization().servicePrincipals().getByName(RequiredIdentities.FIRST_PARTY_CLIENT_ID).id();
                }
                principal = firstParty;
            } else {
                principal = created.get(assignment.assignee().identity()).principalId();
            }
            azure.authorization().roleAssignments().define(UUID.randomUUID().toString()).forObjectId(principal)
                    .withRoleDefinition(assignment.roleDefinitionId()).withScope(assignment.scope()).create();
        }
        ArrayNode identities = Output.array();
        created.values().forEach(identity -> identities.add(azure.bodies().atPath(identity.id())));
        return identities;
    }
}
