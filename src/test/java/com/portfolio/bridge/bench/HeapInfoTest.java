package com.portfolio.bridge.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The bench reads the bridge's heap from jcmd, whose G1 line changed in Java 25. */
class HeapInfoTest {

    // What jcmd prints around G1's heap line (its region and Metaspace lines hold "used" too).
    private static String jcmdOutput(String heapLine) {
        return "14893:\n" + heapLine + " [0x0000000687400000, 0x0000000800000000)\n"
                + "  region size 4096K, 4 young (16384K), 0 survivors (0K)\n"
                + " Metaspace       used 8925K, committed 9088K, reserved 1114112K\n";
    }

    @Test
    void readsJava17sLine() {
        assertEquals(17947L * 1024, BridgeTarget.usedBytes(jcmdOutput(" garbage-first heap   total 397312K, used 17947K")));
    }

    @Test
    void readsJava25sLine() {
        assertEquals(10864L * 1024, BridgeTarget.usedBytes(
                jcmdOutput("garbage-first heap   total reserved 6172672K, committed 393216K, used 10864K")));
    }

    @Test
    void saysSoWhenTheLineIsMissing() {
        assertThrows(IllegalStateException.class, () -> BridgeTarget.usedBytes("Metaspace used 8925K, committed 9088K"));
    }
}
