package io.aro.rp.swagger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Our spec of each version has no breaking difference from the one ARO published. */
class CompatibilityWithPublishedTest {
    static final List<String> VERSIONS = Specs.VERSIONS;

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void noBreakingChangeFromThePublishedSpec(String version) {
        assumeTrue(Files.exists(Specs.published(version)),
                "the published ARO specs are not beside this checkout (" + Specs.PUBLISHED + "); skipping the comparison");
        assertEquals(List.of(), SpecCompatibility.breakingChanges(Specs.published(version), Specs.spec(version)));
    }
}
