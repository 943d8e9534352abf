package io.edumatrix.identity.binding;

import io.edumatrix.platform.security.Authenticated;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Whether a person's token is still good, for a process that does not run identity (ADR 0035): it verifies signature
 * and lifetime itself, but only identity knows the sessions ended and the accounts erased. The question is the token
 * itself, sent as the bearer: identity's own verification refuses an ended session or an erased account with 401, so
 * reaching this method is the answer "still good". Version 1 of identity's internal binding of token checks; it tells
 * the caller nothing its token does not already say.
 */
@RestController
class SessionBinding {

    @GetMapping("/internal/v1/identity/sessions/current")
    @Authenticated
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void current() {
        // The security filter chain has refused every token whose session ended: nothing is left to check here.
    }
}
