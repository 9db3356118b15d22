package io.aro.rp.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aro.rp.api.ProvisioningState;
import io.aro.rp.testing.Http.Reply;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ARM's subscription lifecycle and what each state allows. */
class SubscriptionStatesTest {
    private static final String V = "?api-version=2023-11-22";

    @TempDir
    Path dir;
    FrontendHarness rp;
    String sub;
    String cluster;

    @BeforeEach
    void start() {
        rp = new FrontendHarness(dir, 10);
        sub = UUID.randomUUID().toString();
        cluster = FrontendHarness.cluster(sub, "rg", "c");
    }

    @AfterEach
    void stop() {
        rp.close();
    }

    @Test
    void anUnknownSubscriptionMayDoNothing() {
        Reply get = rp.http.get(cluster + V);
        assertEquals(400, get.status());
        assertEquals("InvalidSubscriptionState", get.code());
        assertEquals("Request is not allowed in unregistered subscription '" + sub + "'.", get.json().at("/error/message").asText());
        assertEquals(400, rp.http.put(cluster + V, FrontendHarness.createRequest("2023-11-22", sub)).status());
    }

    @Test
    void warnedAndSuspendedSubscriptionsMayReadAndDeleteButNotWrite() {
        rp.subscription(sub, "Registered");
        rp.http.put(cluster + V, FrontendHarness.createRequest("2023-11-22", sub));
        rp.finish(cluster, ProvisioningState.SUCCEEDED);

        for (String state : new String[] {"Warned", "Suspended"}) {
            Reply notification = rp.subscription(sub, state);
            assertEquals(200, notification.status());
            assertEquals(state, notification.json().path("state").asText());
            assertEquals(200, rp.http.get(cluster + V).status());
            assertEquals(200, rp.http.get("/subscriptions/" + sub + "/providers/Microsoft.RedHatOpenShift/openShiftClusters" + V).status());
            Reply patch = rp.http.patch(cluster + V, Map.of("tags", Map.of("a", "b")));
            assertEquals(400, patch.status());
            assertEquals("InvalidSubscriptionState", patch.code());
            assertEquals("Request is not allowed in subscription in state '" + state + "'.", patch.json().at("/error/message").asText());
            assertEquals(400, rp.http.post(cluster + "/listCredentials" + V, null).status(), "credentials need Registered");
        }
        assertEquals(202, rp.http.delete(cluster + V).status());
    }

    @Test
    void anUnregisteredSubscriptionMayNotRead() {
        rp.subscription(sub, "Registered");
        rp.subscription(sub, "Unregistered");
        assertEquals("InvalidSubscriptionState", rp.http.get(cluster + V).code());
        assertEquals(200, rp.subscription(sub, "Registered").status(), "it may register again");
        assertEquals(404, rp.http.get(cluster + V).status());
    }

    @Test
    void aDeletedSubscriptionIsMarkedAndCannotComeBack() {
        rp.subscription(sub, "Registered");
        assertEquals(200, rp.subscription(sub, "Deleted").status());
        assertTrue(rp.database.subscriptions().get(sub).orElseThrow().isDeleting(), "the backend deletes its clusters");

        Reply back = rp.subscription(sub, "Registered");
        assertEquals(400, back.status());
        assertEquals("InvalidSubscriptionState", back.code());
        assertEquals(200, rp.subscription(sub, "Deleted").status(), "Deleted again is fine");
    }

    @Test
    void aSubscriptionNotificationIsChecked() {
        Reply unknown = rp.http.put("/subscriptions/" + sub + "?api-version=2.0", Map.of("state", "Paused"));
        assertEquals(400, unknown.status());
        assertEquals("state", unknown.json().at("/error/target").asText());
        assertEquals(400, rp.http.put("/subscriptions/" + sub + "?api-version=2.0", "[]").status());
        assertEquals(400, rp.http.put("/subscriptions/not-a-uuid?api-version=2.0", Map.of("state", "Registered")).status());

        Reply owner = rp.http.put("/subscriptions/" + sub + "?api-version=2.0", Map.of("state", "Registered",
                "properties", Map.of("tenantId", "t", "accountOwner", Map.of("puid", "p", "email", "owner@example.com"),
                        "registeredFeatures", new Object[] {Map.of("name", "Microsoft.RedHatOpenShift/MTU3900", "state", "Registered")})));
        assertEquals(200, owner.status());
        assertTrue(owner.json().at("/properties/accountOwner/email").isMissingNode(), "the owner's email is not kept");
        assertEquals("Microsoft.RedHatOpenShift/MTU3900", owner.json().at("/properties/registeredFeatures/0/name").asText());
    }
}
