package io.edumatrix.platform.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A certificate authority made with openssl for one test, and the server and client certificates it signs: RSA keys,
 * PKCS-8 PEM ({@code BEGIN PRIVATE KEY}) unless asked for DER, valid for two days.
 */
public final class TestCertificates {

    private final Path folder;
    private final String name;

    private TestCertificates(Path folder, String name) {
        this.folder = folder;
        this.name = name;
    }

    /** A new CA, {@code <folder>/<name>.crt} and {@code .key}. */
    public static TestCertificates authority(Path folder, String name) throws IOException {
        Files.createDirectories(folder);
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", folder.resolve(name + ".key").toString(),
                "-out", folder.resolve(name + ".crt").toString(), "-days", "2", "-subj", "/CN=" + name);
        return new TestCertificates(folder, name);
    }

    public Path certificate() {
        return folder.resolve(name + ".crt");
    }

    /** A server certificate for {@code host} (subject alternative name DNS), as {@code <folder>/<file>.crt/.key}. */
    public void server(Path folder, String file, String host) throws IOException {
        var extensions = Files.writeString(Files.createTempFile("san-", ".ext"), "subjectAltName=DNS:" + host + "\n");
        sign(folder, file, host, List.of("-extfile", extensions.toString()));
        Files.delete(extensions);
    }

    /** A client certificate with {@code CN=<commonName>}, as {@code <folder>/<file>.crt/.key}; the key DER if asked. */
    public void client(Path folder, String file, String commonName, boolean derKey) throws IOException {
        sign(folder, file, commonName, List.of());
        if (derKey) {
            var key = folder.resolve(file + ".key");
            var der = folder.resolve(file + ".der");
            openssl("pkcs8", "-topk8", "-nocrypt", "-in", key.toString(), "-outform", "DER", "-out", der.toString());
            Files.move(der, key, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void sign(Path target, String file, String commonName, List<String> extra) throws IOException {
        Files.createDirectories(target);
        var key = target.resolve(file + ".key").toString();
        var request = target.resolve(file + ".csr").toString();
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", request, "-subj", "/CN=" + commonName);
        var command = new java.util.ArrayList<>(List.of("openssl", "x509", "-req", "-in", request, "-CA",
                certificate().toString(), "-CAkey", folder.resolve(name + ".key").toString(), "-CAcreateserial", "-out",
                target.resolve(file + ".crt").toString(), "-days", "2"));
        command.addAll(extra);
        ThrowawayCluster.run(command);
        Files.delete(Path.of(request));
    }

    private static void openssl(String... arguments) throws IOException {
        var command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        ThrowawayCluster.run(command);
    }
}
