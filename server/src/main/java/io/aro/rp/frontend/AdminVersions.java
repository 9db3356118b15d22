package io.aro.rp.frontend;

import io.aro.rp.api.validate.ValidationErrors;
import io.aro.rp.database.OpenShiftVersionDocument;
import io.aro.rp.database.OpenShiftVersions;
import io.aro.rp.generated.admin.model.AdminOpenShiftVersion;
import io.aro.rp.generated.admin.model.AdminOpenShiftVersionProperties;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The admin API's version records (ARO's /admin/versions): the OpenShift versions the RP installs, their
 * release and installer images, which new clusters may use, and which one they get by default.
 */
final class AdminVersions {
    private static final Pattern VERSION = Pattern.compile("^\\d+\\.\\d+\\.\\d+(-[a-z0-9.]+)?$");
    /** A container image reference: registry/repository with a tag or a digest, no spaces. */
    private static final Pattern PULLSPEC = Pattern.compile("^[a-z0-9.-]+(:\\d+)?(/[a-z0-9._-]+)+((:[A-Za-z0-9._-]+)|(@sha256:[a-f0-9]{64}))$");

    private final OpenShiftVersions versions;

    AdminVersions(OpenShiftVersions versions) {
        this.versions = versions;
    }

    Response list() {
        List<Map<String, Object>> value = versions.list().stream().map(AdminVersions::external).toList();
        return Response.ok(Map.of("value", value)).build();
    }

    Response get(String version) {
        return versions.list().stream().filter(v -> v.getId().equals(version)).findFirst().map(v -> Response.ok(external(v)).build())
                .orElseThrow(() -> new io.aro.rp.api.CloudError(404, new io.aro.rp.api.CloudErrorBody(io.aro.rp.api.CloudErrorCodes.NOT_FOUND,
                        String.format("The OpenShift version '%s' was not found.", version), null, null)).toException());
    }

    Response put(AdminOpenShiftVersion body) {
        AdminOpenShiftVersionProperties p = body == null ? null : body.getProperties();
        if (p == null) {
            throw ValidationErrors.invalidParameter("properties", "The version's properties are required.");
        }
        if (p.getVersion() == null || !VERSION.matcher(p.getVersion()).matches()) {
            throw ValidationErrors.invalidParameter("properties.version", "The provided version '%s' is invalid.", p.getVersion());
        }
        require("properties.openShiftPullspec", p.getOpenShiftPullspec());
        require("properties.installerPullspec", p.getInstallerPullspec());
        if (Boolean.TRUE.equals(p.getDefault()) && !Boolean.TRUE.equals(p.getEnabled())) {
            throw ValidationErrors.invalidParameter("properties.default", "The default version must be enabled.");
        }
        OpenShiftVersionDocument.Properties properties = new OpenShiftVersionDocument.Properties();
        properties.setVersion(p.getVersion());
        properties.setEnabled(Boolean.TRUE.equals(p.getEnabled()));
        properties.setDefault(Boolean.TRUE.equals(p.getDefault()));
        properties.setOpenShiftPullspec(p.getOpenShiftPullspec());
        properties.setInstallerPullspec(p.getInstallerPullspec());
        return Response.ok(external(versions.put(properties))).build();
    }

    private static void require(String target, String pullspec) {
        if (pullspec == null || !PULLSPEC.matcher(pullspec).matches()) {
            throw ValidationErrors.invalidParameter(target, "The provided image pull spec '%s' is invalid.", pullspec);
        }
    }

    private static Map<String, Object> external(OpenShiftVersionDocument doc) {
        var p = doc.getProperties();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("version", p.getVersion());
        properties.put("enabled", p.isEnabled());
        properties.put("default", p.isDefault());
        properties.put("openShiftPullspec", p.getOpenShiftPullspec());
        properties.put("installerPullspec", p.getInstallerPullspec());
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("id", doc.getId());
        version.put("properties", properties);
        return version;
    }
}
