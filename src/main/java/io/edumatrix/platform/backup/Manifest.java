package io.edumatrix.platform.backup;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * What a module backup says about itself: the module, the versions of its two migration histories, when it was taken,
 * the SHA-256 of the dump, every table's digest, and the fingerprints of the master keys its keys are wrapped under
 * (what a restore needs configured; {@code unknown} for keys stored before fingerprints were recorded). Stored as
 * {@code manifest.properties} beside the dump.
 */
record Manifest(String module, int moduleVersion, int platformVersion, Instant takenAt, String dumpSha256,
        List<TableDigest> tables, List<String> masterKeys) {

    private static final String FORMAT = "edumatrix-module-backup-1";

    String write() {
        var properties = new Properties();
        properties.setProperty("format", FORMAT);
        properties.setProperty("module", module);
        properties.setProperty("module-version", Integer.toString(moduleVersion));
        properties.setProperty("platform-version", Integer.toString(platformVersion));
        properties.setProperty("taken-at", takenAt.toString());
        properties.setProperty("dump-sha256", dumpSha256);
        properties.setProperty("master-keys", String.join(",", masterKeys));
        properties.setProperty("tables", Integer.toString(tables.size()));
        for (int i = 0; i < tables.size(); i++) {
            var table = tables.get(i);
            properties.setProperty("table." + i, table.table() + " " + table.rows() + " " + table.checksum());
        }
        var text = new StringWriter();
        try {
            properties.store(text, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return text.toString();
    }

    static Manifest read(String text) {
        var properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new BackupRefusedException("The manifest of the backup cannot be read: " + e.getMessage());
        }
        if (!FORMAT.equals(properties.getProperty("format"))) {
            throw new BackupRefusedException("Not an EduMatrix module backup (format " + properties.getProperty("format") + ")");
        }
        try {
            var tables = new ArrayList<TableDigest>();
            for (int i = 0; i < Integer.parseInt(properties.getProperty("tables")); i++) {
                var parts = properties.getProperty("table." + i).split(" ");
                tables.add(new TableDigest(parts[0], Long.parseLong(parts[1]), parts[2]));
            }
            var masterKeys = properties.getProperty("master-keys", "");
            return new Manifest(properties.getProperty("module"), Integer.parseInt(properties.getProperty("module-version")),
                    Integer.parseInt(properties.getProperty("platform-version")),
                    Instant.parse(properties.getProperty("taken-at")), properties.getProperty("dump-sha256"), List.copyOf(tables),
                    masterKeys.isBlank() ? List.of() : List.of(masterKeys.split(",")));
        } catch (RuntimeException e) {
            throw new BackupRefusedException("The manifest of the backup is incomplete or damaged: " + e);
        }
    }
}
