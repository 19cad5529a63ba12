package com.portfolio.bridge.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Test certificates made with the JDK's keytool at test time (nothing secret in the repository):
 * a CA, a broker certificate it signs for 127.0.0.1 only (no host name, so connecting to
 * "localhost" fails host name verification), a client certificate for mutual TLS, and an
 * unrelated CA. Stores are PKCS#12; the CA is also written as PEM, as Kubernetes mounts one.
 */
final class TestCertificates {

    private final Path dir;
    private final String password = LocalCluster.randomHex(12);

    private TestCertificates(Path dir) {
        this.dir = dir;
    }

    static TestCertificates make(Path dir) throws Exception {
        Processes.deleteTree(dir);
        java.nio.file.Files.createDirectories(dir);
        TestCertificates certificates = new TestCertificates(dir);
        // Each keytool run is a JVM start: the steps that do not wait on each other run at once,
        // the CAs first, then everything that reads them (reading a store is all they share).
        AllAtOnce.run(List.of("ca", "other-ca"), name -> name, name -> certificates.authority(name,
                name.equals("ca") ? "CN=portfolio test CA" : "CN=some other CA"));
        AllAtOnce.run(List.of("broker", "client", "ca.pem", "ca-trust", "other-ca-trust"), step -> step, step -> {
            switch (step) {
                case "broker" -> certificates.signed("broker", "CN=broker", "SAN=ip:127.0.0.1");
                case "client" -> certificates.signed("client", "CN=bridge-node", null);
                case "ca.pem" -> certificates.keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", certificates.store("ca"),
                        "-file", dir.resolve("ca.pem").toString());
                case "ca-trust" -> certificates.makeTrustStore("ca");
                default -> certificates.makeTrustStore("other-ca");
            }
        });
        return certificates;
    }

    String password() {
        return password;
    }

    /** A key store (key and certificate chain): broker, client, ca, other-ca. */
    Path keyStore(String name) {
        return dir.resolve(name + ".p12");
    }

    /** A trust store holding only the named CA's certificate: ca, other-ca. */
    Path trustStore(String ca) {
        return dir.resolve(ca + "-trust.p12");
    }

    Path caPem() {
        return dir.resolve("ca.pem");
    }

    private String store(String name) {
        return keyStore(name).toString();
    }

    private void authority(String name, String subject) throws Exception {
        keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", subject,
                "-ext", "bc:c", "-validity", "30", "-keystore", store(name));
    }

    private void signed(String name, String subject, String san) throws Exception {
        keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", subject,
                "-validity", "30", "-keystore", store(name));
        Path request = dir.resolve(name + ".csr");
        Path certificate = dir.resolve(name + ".crt");
        keytool("-certreq", "-alias", name, "-keystore", store(name), "-file", request.toString());
        List<String> sign = new ArrayList<>(List.of("-gencert", "-alias", "ca", "-keystore", store("ca"),
                "-infile", request.toString(), "-outfile", certificate.toString(), "-rfc", "-validity", "30"));
        if (san != null) {
            sign.addAll(List.of("-ext", san));
        }
        keytool(sign.toArray(String[]::new));
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", store("ca"), "-file", dir.resolve("ca-for-" + name + ".pem").toString());
        keytool("-importcert", "-noprompt", "-alias", "ca", "-keystore", store(name), "-file", dir.resolve("ca-for-" + name + ".pem").toString());
        keytool("-importcert", "-noprompt", "-alias", name, "-keystore", store(name), "-file", certificate.toString());
    }

    private void makeTrustStore(String ca) throws Exception {
        Path pem = dir.resolve(ca + "-cert.pem");
        keytool("-exportcert", "-rfc", "-alias", ca, "-keystore", store(ca), "-file", pem.toString());
        keytool("-importcert", "-noprompt", "-alias", ca, "-keystore", trustStore(ca).toString(), "-file", pem.toString());
    }

    private void keytool(String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", password));
        if (List.of(arguments).contains("-genkeypair")) {
            command.addAll(List.of("-keypass", password));
        }
        Processes.run(Duration.ofMinutes(1), command.toArray(String[]::new));
    }
}
