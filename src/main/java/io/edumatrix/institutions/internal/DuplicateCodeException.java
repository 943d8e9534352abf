package io.edumatrix.institutions.internal;

import io.edumatrix.platform.web.ApiException;
import org.springframework.http.HttpStatus;

class DuplicateCodeException extends ApiException {

    DuplicateCodeException(String what, String code) {
        super(HttpStatus.CONFLICT, "duplicate-code", "Conflict", "Code '" + code + "' is already taken by another " + what);
    }
}
