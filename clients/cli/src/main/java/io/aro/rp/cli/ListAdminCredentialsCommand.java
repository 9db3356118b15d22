package io.aro.rp.cli;

import io.aro.rp.sdk.v20250725.models.OpenShiftClusterAdminKubeconfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "list-admin-credentials", description = "Show the admin kubeconfig (base64, as the API returns it), or write it to a file.")
final class ListAdminCredentialsCommand extends AroSubcommand {
    private static final Output.Columns<OpenShiftClusterAdminKubeconfig> COLUMNS = new Output.Columns<OpenShiftClusterAdminKubeconfig>()
            .add("Kubeconfig", OpenShiftClusterAdminKubeconfig::getKubeconfig);

    @Mixin
    ClusterName cluster;
    @Option(names = {"-f", "--file"}, description = "Write the decoded kubeconfig to this file (readable by its owner only) instead.")
    Path file;

    @Override
    public void run() {
        OpenShiftClusterAdminKubeconfig admin = aro.client().listAdminCredentials(cluster.resourceGroup, cluster.name);
        if (file == null) {
            Output.one(out(), aro.output, admin, COLUMNS);
            return;
        }
        try {
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            Files.write(file, Base64.getDecoder().decode(admin.getKubeconfig()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
