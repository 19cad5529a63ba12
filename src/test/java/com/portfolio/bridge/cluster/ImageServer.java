package com.portfolio.bridge.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A test server made as the Dockerfile makes the container image: its COPYs into the server
 * and the install, its ENV in server.env (the harness's settings after it, so they win), its CMD
 * script to launch it.
 */
final class ImageServer {

    /** How to launch the server: the image's CMD script (copied into the test's helpers) and its environment. */
    record Launch(String script, Map<String, String> env) {
    }

    private final Path projectRoot;
    private final ImagePaths paths;

    /** {@code projectRoot}: where the Dockerfile and its COPY sources are. */
    ImageServer(Path projectRoot, ImagePaths paths) {
        this.projectRoot = projectRoot;
        this.paths = paths;
    }

    /** Assembles the server afresh; the image must copy each of {@code inputs} (the caller's config and WAR). */
    void assemble(Path serverDir, List<Path> inputs, Map<String, String> harnessEnv) throws IOException {
        ImageLayout image = ImageLayout.read(projectRoot);
        for (Path input : inputs) {
            if (!image.sources(projectRoot).contains(input.toAbsolutePath().normalize())) {
                throw new IllegalArgumentException("the Dockerfile copies no " + input + ": a node runs the image's layout only");
            }
        }
        Processes.deleteTree(serverDir);
        Files.createDirectories(serverDir);
        image.assemble(projectRoot, paths);
        StringBuilder text = new StringBuilder("# the Dockerfile's ENV\n");
        image.env().forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        text.append("# the cluster harness's settings\n");
        new TreeMap<>(harnessEnv).forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        Files.writeString(serverDir.resolve("server.env"), text);
    }

    /**
     * The image's CMD, which must be {@code [script, run, defaultServer]}: the harness runs the
     * same script, with the image's ENV in its environment as a container has it.
     */
    Launch launch(Path wlp) throws IOException {
        ImageLayout image = ImageLayout.read(projectRoot);
        List<String> cmd = image.command();
        if (!cmd.subList(1, cmd.size()).equals(List.of("run", ImagePaths.SERVER_NAME))) {
            throw new IllegalStateException("the image's CMD is " + cmd + "; the harness knows how to start only"
                    + " [script, run, " + ImagePaths.SERVER_NAME + "]");
        }
        Map<String, String> env = new HashMap<>(image.env());
        env.put("WLP_DIR", wlp.toString());
        // -Dcluster.aot-cache=<file> (the benchmark sets it): the nodes start from HotSpot's AOT cache.
        String aotCache = System.getProperty("cluster.aot-cache", "");
        if (!aotCache.isBlank()) {
            env.put("PORTFOLIO_AOT_CACHE", aotCache);
        }
        return new Launch(paths.map(cmd.get(0)).toString(), env);
    }
}
