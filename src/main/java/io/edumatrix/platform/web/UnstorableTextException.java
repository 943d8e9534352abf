package io.edumatrix.platform.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.InvalidFormatException;

/** A JSON string the application refuses to store; Jackson adds the path of the field as the exception leaves it. */
final class UnstorableTextException extends InvalidFormatException {

    private final String reason;

    UnstorableTextException(JsonParser parser, String reason, String text) {
        super(parser, "Text " + reason, text, String.class);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
