package io.aro.rp.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "get-admin-kubeconfig", description = "List admin kubeconfig of a cluster.")
final class GetAdminKubeconfigCommand extends AroSubcommand {
    @Mixin
    ClusterName cluster;

    @Option(names = {"-f", "--file"}, defaultValue = "kubeconfig",
            description = "Path to the file where kubeconfig should be saved. Default: kubeconfig in local directory")
    Path file;

    @Override
    void execute() {
        String kubeconfig = session().aro().serviceClient().getOpenShiftClusters().listAdminCredentials(cluster.resourceGroup, cluster.name).kubeconfig();
        byte[] yaml = Base64.getDecoder().decode(kubeconfig);
        try {
            // Created new, as az does ("x"), so that an existing kubeconfig is never overwritten; readable by its owner only.
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            Files.write(file, yaml, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            throw new CliException("File " + file + " already exists.");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
