package io.aro.rp.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.aro.rp.api.CloudErrorException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SkipTokensTest {
    private static final String LIST = "/subscriptions/s/providers/Microsoft.RedHatOpenShift/openShiftClusters";
    private final SkipTokens tokens = new SkipTokens(new byte[32]);

    @Test
    void opensWhatItSealedForTheSameList() {
        assertEquals("continuation", tokens.open(tokens.seal("continuation", LIST), LIST));
    }

    @Test
    void everyTruncationIsAnInvalidParameter() {
        String token = tokens.seal("continuation", LIST);
        for (int length = 0; length < token.length(); length++) {
            assertRefused(token.substring(0, length));
        }
    }

    @Test
    void runsOfOneCharacterAreInvalidParameters() {
        for (int length = 0; length <= 64; length++) {
            char[] run = new char[length];
            Arrays.fill(run, 'A');
            assertRefused(new String(run));
        }
    }

    @Test
    void aTokenOfAnotherListIsRefused() {
        assertRefused(tokens.seal("continuation", "/subscriptions/other/providers/Microsoft.RedHatOpenShift/openShiftClusters"));
    }

    private void assertRefused(String token) {
        CloudErrorException e = assertThrows(CloudErrorException.class, () -> tokens.open(token, LIST), token);
        assertEquals(400, e.getCloudError().getStatusCode());
        assertEquals("$skipToken", e.getCloudError().getError().getTarget());
    }
}
