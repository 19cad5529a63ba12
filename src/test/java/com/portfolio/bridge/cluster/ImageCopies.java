package com.portfolio.bridge.cluster;

import com.portfolio.bridge.cluster.Dockerfile.Instruction;
import com.portfolio.bridge.cluster.ImageLayout.Copy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** A COPY instruction: read (flags, sources, destination) and carried out as Docker would. */
final class ImageCopies {

    private ImageCopies() {
    }

    static Copy copy(Instruction in, UnaryOperator<String> substitute) {
        String rest = in.arguments();
        String chmod = null;
        while (rest.startsWith("--")) {
            String[] split = rest.split("\\s+", 2);
            String flag = split[0];
            rest = split.length > 1 ? split[1] : "";
            if (flag.startsWith("--chmod=")) {
                chmod = flag.substring("--chmod=".length());
                if (!chmod.matches("[0-7]{3}")) {
                    throw in.error("--chmod must be three octal digits, not " + chmod);
                }
            } else if (!flag.startsWith("--chown=")) {
                throw in.error("flag " + flag + " is not modelled");
            }
            // --chown is read and not applied: the test's own user owns its server.
        }
        List<String> words = Dockerfile.jsonArray(rest);
        words = words != null ? words : Dockerfile.words(rest);
        if (words.size() < 2) {
            throw in.error("needs a source and a destination");
        }
        List<String> sources = words.subList(0, words.size() - 1).stream().map(substitute).toList();
        for (String source : sources) {
            if (source.startsWith("/") || List.of(source.split("/")).contains("..") || source.matches(".*[*?\\[].*")) {
                throw in.error("source " + source + " is not a plain path inside the project");
            }
        }
        String destination = substitute.apply(words.get(words.size() - 1));
        try {
            ImagePaths.unplaced().map(destination);
        } catch (IllegalArgumentException e) {
            throw in.error(e.getMessage());
        }
        return new Copy(sources, destination, chmod);
    }

    static void perform(Path projectRoot, Copy copy, ImagePaths paths) throws IOException {
        Path destination = paths.map(copy.destination());
        for (String source : copy.sources()) {
            Path from = projectRoot.resolve(source);
            if (!Files.exists(from)) {
                throw new IllegalStateException("the Dockerfile copies " + source + ", which is not in " + projectRoot
                        + " (build it first: mvn package)");
            }
            if (Files.isDirectory(from)) {
                // A directory's contents go into the destination, as with Docker.
                try (Stream<Path> tree = Files.walk(from)) {
                    for (Path file : tree.toList()) {
                        place(file, destination.resolve(from.relativize(file).toString()), copy.chmod());
                    }
                }
            } else {
                boolean into = copy.intoDirectory() || Files.isDirectory(destination);
                place(from, into ? destination.resolve(from.getFileName().toString()) : destination, copy.chmod());
            }
        }
    }

    /**
     * Writes one file through a temporary sibling and a rename, and leaves an identical one alone:
     * files in the shared install (the RAR) are written by nodes preparing in parallel and read by
     * running ones.
     */
    private static void place(Path from, Path to, String chmod) throws IOException {
        if (Files.isDirectory(from)) {
            Files.createDirectories(to);
        } else if (!Files.isRegularFile(to) || Files.mismatch(from, to) != -1) {
            Files.createDirectories(to.getParent());
            Path partial = Files.createTempFile(to.getParent(), "." + to.getFileName(), ".part");
            Files.copy(from, partial, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            Files.move(partial, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        if (chmod != null) {
            Files.setPosixFilePermissions(to, permissions(chmod));
        }
    }

    static Set<PosixFilePermission> permissions(String octal) {
        int bits = Integer.parseInt(octal, 8);
        PosixFilePermission[] all = PosixFilePermission.values(); // OWNER_READ ... OTHERS_EXECUTE
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        for (int i = 0; i < all.length; i++) {
            if ((bits & (1 << (all.length - 1 - i))) != 0) {
                set.add(all[i]);
            }
        }
        return set;
    }
}
