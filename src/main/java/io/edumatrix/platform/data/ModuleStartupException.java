package io.edumatrix.platform.data;

import org.springframework.modulith.NamedInterface;

/**
 * Start-up cannot go on because of the database. The message is one line that names the module, role or setting
 * concerned, and {@link #action()} says what to do about it.
 */
@NamedInterface("data")
public class ModuleStartupException extends RuntimeException {

    private final String action;

    public ModuleStartupException(String message, String action, Throwable cause) {
        super(message, cause);
        this.action = action;
    }

    public ModuleStartupException(String message, String action) {
        this(message, action, null);
    }

    public String action() {
        return action;
    }
}
