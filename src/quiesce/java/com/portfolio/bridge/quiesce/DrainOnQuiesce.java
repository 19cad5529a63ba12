package com.portfolio.bridge.quiesce;

import com.ibm.wsspi.kernel.service.utils.ServerQuiesceListener;

/**
 * Liberty calls this at the start of {@code server stop}'s quiesce, before it closes the
 * application's WebSockets (it waits up to 30 s for them). The bridge application hands its drain
 * over through a JVM-wide system property (a plain Runnable: the two live in different class
 * loaders); with no application running there is nothing to drain.
 */
public final class DrainOnQuiesce implements ServerQuiesceListener {

    /** The key the application registers its drain under (com.portfolio.bridge.shutdown.QuiesceHook). */
    public static final String HOOK = "portfolio.bridge.drain";

    @Override
    public void serverStopping() {
        Object hook = System.getProperties().get(HOOK);
        if (hook instanceof Runnable drain) {
            drain.run();
        }
    }
}
