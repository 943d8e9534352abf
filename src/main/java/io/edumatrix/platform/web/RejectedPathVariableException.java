package io.edumatrix.platform.web;

/** A path variable whose value {@link ParameterText} refuses; the problem handler names it. */
final class RejectedPathVariableException extends RuntimeException {

    private final String variable;
    private final String reason;

    RejectedPathVariableException(String variable, String reason) {
        super("Path variable " + variable + " " + reason);
        this.variable = variable;
        this.reason = reason;
    }

    String variable() {
        return variable;
    }

    String reason() {
        return reason;
    }
}
