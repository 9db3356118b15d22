package io.aro.rp.swagger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Where the specs of this project, and the published ARO specs they must stay compatible with, are. */
final class Specs {
    static final Path SPECIFICATION = Path.of("specification").toAbsolutePath();
    /** Every stable version: a folder under stable/, oldest first. */
    static final List<String> VERSIONS = versions();
    /** The internal admin API's spec, outside the publishing tree. */
    static final Path ADMIN = Path.of("admin", "admin.json").toAbsolutePath();
    static final Path README = SPECIFICATION.resolve("redhatopenshift/resource-manager/Microsoft.RedHatOpenShift/OpenShiftClusters/readme.md");
    /** The published ARO specs, beside the checkout; a user's clone does not have them. */
    static final Path PUBLISHED = Path.of("..", "..", "shared", "reference", "swagger", "redhatopenshift", "resource-manager",
            "Microsoft.RedHatOpenShift", "openshiftclusters", "stable").toAbsolutePath().normalize();

    private Specs() {
    }

    private static List<String> versions() {
        Path stable = SPECIFICATION.resolve("redhatopenshift/resource-manager/Microsoft.RedHatOpenShift/OpenShiftClusters/stable");
        try (Stream<Path> folders = Files.list(stable)) {
            return folders.map(folder -> folder.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tags of readme.md (package-...), one per version. */
    static List<String> tags() {
        try {
            Matcher tags = Pattern.compile("\\$\\(tag\\) == '([^']+)'").matcher(Files.readString(README));
            List<String> result = new java.util.ArrayList<>();
            while (tags.find()) {
                result.add(tags.group(1));
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Our spec of {@code version} under {@code specification} (this project's, or a copy of it). */
    static Path spec(Path specification, String version) {
        return specification.resolve("redhatopenshift/resource-manager/Microsoft.RedHatOpenShift/OpenShiftClusters/stable")
                .resolve(version).resolve("redhatopenshift.json");
    }

    static Path spec(String version) {
        return spec(SPECIFICATION, version);
    }

    static Path published(String version) {
        return PUBLISHED.resolve(version).resolve("redhatopenshift.json");
    }

    /** A copy of the whole specification folder (so relative $refs keep working) to break on purpose. */
    static Path copy(Path into) {
        Path target = into.resolve("specification");
        copyTree(SPECIFICATION, target);
        return target;
    }

    /** Copies a folder and everything below it. */
    static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path destination = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(source, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void copyFile(Path from, Path to) {
        try {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces {@code from} (which must occur) with {@code to} in {@code file}. */
    static void edit(Path file, String from, String to) {
        try {
            String text = Files.readString(file);
            if (!text.contains(from)) {
                throw new IllegalArgumentException(file + " does not contain " + from);
            }
            Files.writeString(file, text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
