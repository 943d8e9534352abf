package io.edumatrix.platform.devdb;

/** The development run cannot prepare what it needs, with what the developer can do about it. */
class DevelopmentRunException extends RuntimeException {

    private final String action;

    DevelopmentRunException(String message, String action, Throwable cause) {
        super(message, cause);
        this.action = action;
    }

    String action() {
        return action;
    }
}
