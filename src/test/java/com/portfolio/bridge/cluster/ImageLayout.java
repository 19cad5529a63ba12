package com.portfolio.bridge.cluster;

import com.portfolio.bridge.cluster.Dockerfile.Instruction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the project's Dockerfile puts into the image, read from the Dockerfile itself: its COPYs,
 * its ENV and its CMD. The test servers are assembled from this, so the image cannot drift from
 * what the tests run. An instruction it does not model fails loudly instead of being skipped.
 */
final class ImageLayout {

    /** One COPY: sources relative to the project root, the container destination, --chmod or null. */
    record Copy(List<String> sources, String destination, String chmod) {

        /** Docker's rule: a destination ending in / (or several sources) is a directory. */
        boolean intoDirectory() {
            return destination.endsWith("/") || sources.size() > 1;
        }
    }

    /** The base image's own tools: features.sh installs server.xml's features, configure.sh tunes the image. */
    private static final Set<String> BASE_IMAGE_TOOLS = Set.of("features.sh", "configure.sh");

    private final Map<String, String> env = new LinkedHashMap<>();
    private final BuildVariables variables = new BuildVariables(env);
    private final List<Copy> copies = new ArrayList<>();
    private final List<String> runs = new ArrayList<>();
    private List<String> command = List.of();
    private String base;

    private ImageLayout() {
    }

    /** The Dockerfile at the project root. */
    static ImageLayout read(Path projectRoot) throws IOException {
        return parse(Files.readString(projectRoot.resolve("Dockerfile")));
    }

    static ImageLayout parse(String text) {
        ImageLayout layout = new ImageLayout();
        for (Instruction instruction : Dockerfile.parse(text)) {
            layout.apply(instruction);
        }
        if (layout.base == null || layout.command.isEmpty()) {
            throw new IllegalArgumentException("Dockerfile has no FROM or no CMD");
        }
        return layout;
    }

    private void apply(Instruction in) {
        switch (in.keyword()) {
            case "FROM" -> from(in);
            case "ARG" -> variables.arg(in);
            case "LABEL", "EXPOSE" -> { } // metadata: nothing on disk
            case "ENV" -> env(in);
            case "COPY" -> copies.add(ImageCopies.copy(in, word -> variables.substitute(in, word)));
            case "RUN" -> {
                if (!BASE_IMAGE_TOOLS.contains(in.arguments())) {
                    throw in.error("only the base image's " + BASE_IMAGE_TOOLS + " are modelled, not '" + in.arguments() + "'");
                }
                runs.add(in.arguments());
            }
            case "CMD" -> {
                List<String> words = Dockerfile.jsonArray(in.arguments());
                if (words == null || words.isEmpty()) {
                    throw in.error("only the exec form [\"script\", \"arg\", ...] is modelled");
                }
                try {
                    ImagePaths.unplaced().map(words.get(0));
                } catch (IllegalArgumentException e) {
                    throw in.error(e.getMessage());
                }
                command = List.copyOf(words);
            }
            default -> throw in.error("not modelled by the tests' image layout (cluster/ImageLayout): teach it there");
        }
    }

    private void from(Instruction in) {
        List<String> words = Dockerfile.words(in.arguments());
        if (base != null || words.size() != 1) {
            throw in.error("one stage from one image is modelled, not '" + in.arguments() + "'");
        }
        base = variables.substitute(in, words.get(0));
    }

    private void env(Instruction in) {
        List<String> words = Dockerfile.words(in.arguments());
        if (!words.isEmpty() && !words.get(0).contains("=")) {
            // The old form: ENV KEY value with spaces
            env.put(words.get(0), variables.substitute(in, String.join(" ", words.subList(1, words.size()))));
            return;
        }
        for (String word : words) {
            String[] pair = word.split("=", 2);
            if (pair.length != 2 || pair[0].isEmpty()) {
                throw in.error("not KEY=value: " + word);
            }
            env.put(pair[0], variables.substitute(in, pair[1]));
        }
    }

    /** The base image, e.g. icr.io/appcafe/open-liberty:26.0.0.3-kernel-slim-…. */
    String base() {
        return base;
    }

    /** The ENV settings, in order (a later one replaced an earlier one of the same key). */
    Map<String, String> env() {
        return Collections.unmodifiableMap(env);
    }

    List<Copy> copies() {
        return List.copyOf(copies);
    }

    /** The RUN lines: only the base image's tools. */
    List<String> runs() {
        return List.copyOf(runs);
    }

    /** The CMD: script (a container path) and its arguments. */
    List<String> command() {
        return command;
    }

    /** Every file or directory the image takes from the project, resolved against its root. */
    Set<Path> sources(Path projectRoot) {
        return copies.stream().flatMap(copy -> copy.sources().stream())
                .map(source -> projectRoot.resolve(source).toAbsolutePath().normalize()).collect(Collectors.toSet());
    }

    /** Copies everything the Dockerfile copies, from the project to where {@code paths} puts the image's paths. */
    void assemble(Path projectRoot, ImagePaths paths) throws IOException {
        for (Copy copy : copies) {
            ImageCopies.perform(projectRoot, copy, paths);
        }
    }
}
