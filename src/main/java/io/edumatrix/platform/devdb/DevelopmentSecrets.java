package io.edumatrix.platform.devdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.core.env.Environment;

/**
 * The development run's master key and first administrator, each generated on the first run and kept in a file of its
 * own (readable by its owner only) beside the data, so that every later run opens the same personal data and knows the
 * same password. A key or an administrator the developer sets is used instead.
 */
final class DevelopmentSecrets {

    static final String ADMIN_EMAIL = "admin@example.com";
    private static final String KEY = "edumatrix.security.key-wrapping-key";
    private static final String KEY_FILE = "edumatrix.security.key-wrapping-key-file";
    private static final String BOOTSTRAP_EMAIL = "edumatrix.bootstrap.admin.email";
    private static final String BOOTSTRAP_PASSWORD = "edumatrix.bootstrap.admin.password";
    private static final SecureRandom RANDOM = new SecureRandom();

    private DevelopmentSecrets() {}

    /** The settings to add to the environment. */
    static Map<String, Object> prepare(Environment environment, Path folder, Log log) {
        var settings = new LinkedHashMap<String, Object>();
        if (unset(environment, KEY) && unset(environment, KEY_FILE)) {
            var keyFile = folder.resolve("master-key");
            if (createOnce(keyFile, Base64.getEncoder().encodeToString(randomBytes(32)))) {
                log.info("Development master key: generated in " + keyFile + "; keep it with the data, which it opens");
            }
            settings.put(KEY_FILE, keyFile.toString());
        }
        if (unset(environment, BOOTSTRAP_EMAIL) && unset(environment, BOOTSTRAP_PASSWORD)) {
            var passwordFile = folder.resolve("admin-password");
            if (createOnce(passwordFile, Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(18)))) {
                log.info("Development administrator: " + ADMIN_EMAIL + " with the password " + read(passwordFile)
                        + " (printed this once; it is kept in " + passwordFile + ")");
            } else {
                log.info("Development administrator: " + ADMIN_EMAIL + ", its password in " + passwordFile);
            }
            settings.put(BOOTSTRAP_EMAIL, ADMIN_EMAIL);
            settings.put(BOOTSTRAP_PASSWORD, read(passwordFile));
        }
        return settings;
    }

    private static boolean unset(Environment environment, String key) {
        var value = environment.getProperty(key);
        return value == null || value.isBlank();
    }

    /** Writes the file unless it exists; true if it was written now. */
    private static boolean createOnce(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, content + "\n", StandardCharsets.UTF_8);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static byte[] randomBytes(int count) {
        var bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
