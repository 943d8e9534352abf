package io.edumatrix.institutions.internal;

import io.edumatrix.platform.web.ApiException;
import org.springframework.http.HttpStatus;

class DuplicateCodeException extends ApiException {

    DuplicateCodeException(String what, String code) {
        super(HttpStatus.CONFLICT, "duplicate-code", "Conflict", "A " + what + " with code '" + code + "' already exists");
    }
}
