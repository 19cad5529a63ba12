package com.portfolio.bridge.ra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** A trust or key store for TLS to the broker: a file, its password, its type from the file's name. */
final class StoreSettings {

    private final String prefix;
    private final String setting;
    private final String pemType;
    private String path;
    private String password;

    StoreSettings(String prefix, String setting, String pemType) {
        this.prefix = prefix;
        this.setting = setting;
        this.pemType = pemType;
    }

    String path() {
        return path;
    }

    void path(String value) {
        path = blankToNull(value);
    }

    String password() {
        return password;
    }

    void password(String value) {
        password = blankToNull(value);
    }

    boolean given() {
        return path != null;
    }

    void addTo(Map<String, Object> parameters) {
        if (path == null) {
            return;
        }
        if (!Files.isReadable(Path.of(path))) {
            throw new IllegalArgumentException(setting + ": cannot read " + path);
        }
        parameters.put(prefix + "Path", path);
        parameters.put(prefix + "Type", type());
        if (password != null) {
            parameters.put(prefix + "Password", password);
        }
    }

    /** PKCS#12 (.p12, .pfx), JKS (.jks) or PEM (.pem, .crt: what Kubernetes and cert-manager mount). */
    String type() {
        String name = path.toLowerCase(Locale.ROOT);
        if (name.endsWith(".jks")) {
            return "JKS";
        }
        if (name.endsWith(".pem") || name.endsWith(".crt")) {
            return pemType;
        }
        return "PKCS12";
    }

    // Liberty passes an unset variable's empty default as "".
    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
