package com.portfolio.bridge.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.portfolio.bridge.cluster.ImageLayout.Copy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageLayoutTest {

    private static final String HEAD = "FROM icr.io/appcafe/open-liberty:26.0.0.3-kernel-slim-java25-openj9-ubi-minimal\n";
    private static final String TAIL = "\nCMD [\"/opt/ol/helpers/runtime/launch.sh\", \"run\", \"defaultServer\"]\n";

    @Test
    void theProjectsDockerfileParsesToWhatTheImageHolds() throws Exception {
        ImageLayout image = ImageLayout.read(Path.of(""));
        assertEquals("icr.io/appcafe/open-liberty:26.0.0.3-kernel-slim-java25-openj9-ubi-minimal", image.base());
        assertEquals(List.of(
                new Copy(List.of("liberty/"), "/config/", null),
                new Copy(List.of("docker/container.xml"), "/config/configDropins/overrides/container.xml", null),
                new Copy(List.of("docker/bus-features.xml"), "/config/configDropins/defaults/bus-features.xml", null),
                new Copy(List.of("docker/app.xml"), "/config/configDropins/defaults/app.xml", null),
                new Copy(List.of("target/portfolio-bridge.war"), "/config/apps/portfolio-bridge.war", null),
                new Copy(List.of("target/artemis-ra.rar"), "/opt/ol/wlp/usr/shared/resources/artemis/artemis-ra.rar", null),
                new Copy(List.of("target/portfolio-quiesce.jar"), "/opt/ol/wlp/usr/shared/resources/portfolio/portfolio-quiesce.jar", null),
                new Copy(List.of("docker/launch.sh"), "/opt/ol/helpers/runtime/portfolio-launch.sh", "755")),
                image.copies());
        assertEquals(Map.of("PORTFOLIO_MODE", "prod"), image.env());
        assertEquals(List.of("features.sh", "configure.sh"), image.runs());
        assertEquals(List.of("/opt/ol/helpers/runtime/portfolio-launch.sh", "run", "defaultServer"), image.command());
    }

    @Test
    void continuationsCommentsQuotesAndVariablesReadAsDockerReadsThem() {
        ImageLayout image = ImageLayout.parse(HEAD + "ARG DIR=docker\n"
                + "LABEL a=\"one two\" \\\n# a comment inside the continuation\n      b=c\n"
                + "ENV A=1 B=\"two words\" \\\n    C=${A}x\nENV D old form\n"
                + "COPY --chown=1001:0 ${DIR}/app.xml \\\n     /config/apps/\n"
                + "COPY --chmod=644 [\"docker/a b.xml\", \"/config/a b.xml\"]\n" + TAIL);
        assertEquals(Map.of("A", "1", "B", "two words", "C", "1x", "D", "old form"), image.env());
        assertEquals(List.of(new Copy(List.of("docker/app.xml"), "/config/apps/", null),
                new Copy(List.of("docker/a b.xml"), "/config/a b.xml", "644")), image.copies());
    }

    @Test
    void anInstructionTheTestDoesNotModelFails() {
        for (String line : List.of("USER root", "ADD app.war /config/apps/", "WORKDIR /config", "RUN rm -rf /config",
                "ENTRYPOINT [\"/bin/sh\"]", "COPY --from=build /x /config/", "HEALTHCHECK CMD curl localhost")) {
            IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                    () -> ImageLayout.parse(HEAD + line + TAIL), line);
            assertTrue(failure.getMessage().startsWith("Dockerfile line 2 "), failure.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> ImageLayout.parse(HEAD + "CMD server run defaultServer\n"));
        assertThrows(IllegalArgumentException.class, () -> ImageLayout.parse(HEAD + "FROM busybox" + TAIL));
        assertThrows(IllegalArgumentException.class, () -> ImageLayout.parse(HEAD + "ENV X=$UNSET" + TAIL));
    }

    @Test
    void aDestinationWithNoPlaceInATestServerFails() {
        for (String destination : List.of("/etc/app.xml", "/opt/ol/other/x", "/configx/a", "config/relative", "/config/../etc/x")) {
            IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                    () -> ImageLayout.parse(HEAD + "COPY docker/app.xml " + destination + TAIL), destination);
            assertTrue(failure.getMessage().contains(destination), failure.getMessage());
        }
        assertThrows(IllegalArgumentException.class,
                () -> ImageLayout.parse(HEAD + "CMD [\"/usr/local/bin/launch.sh\", \"run\", \"defaultServer\"]\n"));
    }

    @Test
    void assemblingPlacesEachCopyAndHonoursChmod(@TempDir Path dir) throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.createDirectories(project.resolve("conf/nested"));
        Files.writeString(project.resolve("conf/server.xml"), "<server/>");
        Files.writeString(project.resolve("conf/nested/a.xml"), "<server/>");
        Files.writeString(project.resolve("launch.sh"), "#!/bin/sh\n");
        Files.writeString(project.resolve("app.war"), "war");
        ImageLayout image = ImageLayout.parse(HEAD + "COPY conf/ /config/\nCOPY app.war /config/apps/\n"
                + "COPY app.war /opt/ol/wlp/usr/shared/resources/x.war\n"
                + "COPY --chmod=755 launch.sh /opt/ol/helpers/runtime/launch.sh" + TAIL);
        ImagePaths paths = new ImagePaths(dir.resolve("server"), dir.resolve("wlp"), dir.resolve("helpers"));
        image.assemble(project, paths);
        assertEquals("<server/>", Files.readString(dir.resolve("server/nested/a.xml")));
        assertEquals("war", Files.readString(dir.resolve("server/apps/app.war")));
        assertEquals("war", Files.readString(dir.resolve("wlp/usr/shared/resources/x.war")));
        assertTrue(Files.isExecutable(dir.resolve("helpers/launch.sh")), "--chmod=755");
        assertFalse(Files.isExecutable(dir.resolve("server/server.xml")));
        assertEquals(dir.resolve("server/server.xml"), paths.map("/opt/ol/wlp/usr/servers/defaultServer/server.xml"));

        Files.delete(project.resolve("app.war"));
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> image.assemble(project, paths));
        assertTrue(missing.getMessage().contains("app.war"), missing.getMessage());
    }
}
