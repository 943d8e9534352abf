package io.edumatrix.platform.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The file of a module backup: a ZIP holding {@code manifest.properties} and {@code schema.dump} ({@code pg_dump -Fc}).
 * Reading it checks the ZIP's own structure and CRCs and the dump's SHA-256 against the manifest, so a truncated or
 * altered file is refused before anything in the database changes.
 */
final class ModuleArchive {

    private static final String MANIFEST = "manifest.properties";
    private static final String DUMP = "schema.dump";

    private ModuleArchive() {}

    static void write(Path file, Manifest manifest, Path dump) throws IOException {
        var partial = file.resolveSibling(file.getFileName() + ".partial");
        try (var zip = new ZipOutputStream(Files.newOutputStream(partial))) {
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(manifest.write().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(DUMP));
            Files.copy(dump, zip);
            zip.closeEntry();
        }
        // Only a complete file gets the name asked for.
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Reads the manifest and extracts the dump into {@code dump}, refusing a damaged file. */
    static Manifest read(Path file, Path dump) {
        if (!Files.isRegularFile(file)) {
            throw new BackupRefusedException("No backup file " + file);
        }
        try (var zip = new ZipFile(file.toFile())) {
            var manifestEntry = zip.getEntry(MANIFEST);
            var dumpEntry = zip.getEntry(DUMP);
            if (manifestEntry == null || dumpEntry == null) {
                throw new BackupRefusedException(file + " is not an EduMatrix module backup: it lacks " + MANIFEST + " or " + DUMP);
            }
            Manifest manifest;
            try (var in = zip.getInputStream(manifestEntry)) {
                manifest = Manifest.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            String sha256;
            try (var in = zip.getInputStream(dumpEntry)) {
                sha256 = copyHashing(in, dump);
            }
            if (!sha256.equals(manifest.dumpSha256())) {
                throw new BackupRefusedException(file + " is damaged: its dump's SHA-256 is " + sha256 + ", the manifest says "
                        + manifest.dumpSha256());
            }
            return manifest;
        } catch (ZipException e) {
            throw new BackupRefusedException(file + " is damaged or truncated: " + e.getMessage());
        } catch (IOException e) {
            throw new BackupRefusedException(file + " cannot be read: " + e);
        }
    }

    static String sha256(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return copyHashing(in, null);
        }
    }

    private static String copyHashing(InputStream in, Path target) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (var hashing = new DigestInputStream(in, digest)) {
            if (target == null) {
                hashing.transferTo(OutputStream.nullOutputStream());
            } else {
                Files.copy(hashing, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
