package com.portfolio.bridge.cluster;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the image's paths are in a test server of the build's Liberty install. Only these
 * prefixes are known; anything else the Dockerfile writes to has no place here and fails.
 */
final class ImagePaths {

    /** The base image's server; /config is a link to it. */
    static final String SERVER = "/opt/ol/wlp/usr/servers/defaultServer";
    static final String CONFIG = "/config";
    static final String INSTALL = "/opt/ol/wlp";
    static final String HELPERS = "/opt/ol/helpers/runtime";
    /** The server name the image's CMD starts. */
    static final String SERVER_NAME = "defaultServer";

    private final Map<String, Path> prefixes = new LinkedHashMap<>();

    /** The most specific prefix first: the server's own directory lies inside the install. */
    ImagePaths(Path serverDir, Path install, Path helpers) {
        prefixes.put(SERVER, serverDir);
        prefixes.put(CONFIG, serverDir);
        prefixes.put(HELPERS, helpers);
        prefixes.put(INSTALL, install);
    }

    /** Paths for checking a Dockerfile only (nothing is written there). */
    static ImagePaths unplaced() {
        Path nowhere = Path.of("/nonexistent");
        return new ImagePaths(nowhere.resolve("server"), nowhere.resolve("wlp"), nowhere.resolve("helpers"));
    }

    /** @throws IllegalArgumentException for a path under no known prefix, or a relative one */
    Path map(String containerPath) {
        if (!containerPath.startsWith("/") || List.of(containerPath.split("/")).contains("..")) {
            throw new IllegalArgumentException("container path " + containerPath + " is not a plain absolute path");
        }
        Path path = Path.of(containerPath).normalize();
        for (Map.Entry<String, Path> prefix : prefixes.entrySet()) {
            Path root = Path.of(prefix.getKey());
            if (path.startsWith(root)) {
                return prefix.getValue().resolve(root.relativize(path).toString());
            }
        }
        throw new IllegalArgumentException("container path " + containerPath + " has no place in a test server"
                + " (known: " + String.join(", ", prefixes.keySet()) + "); teach cluster/ImagePaths where it goes");
    }
}
