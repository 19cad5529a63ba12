package com.portfolio.bridge.it.support;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR the build produced, as deployed to production, plus the test support classes. */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive bridge() {
        File war = new File(System.getProperty("it.war", "target/portfolio-bridge.war"));
        return ShrinkWrap.createFromZipFile(WebArchive.class, war)
                .addClasses(Await.class, BusPublisher.class, Deployments.class, PublishServlet.class,
                        ConversationsApiServlet.class, Catalog.class, Catalog.Check.class, Heap.class,
                        FailOnceEventIntake.class, Ports.class, RawSocketClient.class, RawSocketClient.Event.class,
                        Sequences.class, TestTokens.class, ApiClient.class, Scrape.class, Presence.class, Deliver.class,
                        Deliver.Tally.class, EngineSids.class, OneShotHttp.class, OneShotHttp.Answer.class);
    }
}
