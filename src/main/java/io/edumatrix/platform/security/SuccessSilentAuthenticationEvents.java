package io.edumatrix.platform.security;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Spring Security's authentication events, failures only. Every request with a token authenticates, and its success
 * event went through the context's event multicaster (Modulith's, which looks for transactional listeners each time)
 * to no listener: about 4 % of a one-row read in the benchmark's profile (ADR 0039). Failures are published as Spring
 * Security publishes them, and are rare.
 */
final class SuccessSilentAuthenticationEvents implements AuthenticationEventPublisher {

    private final DefaultAuthenticationEventPublisher failures;

    SuccessSilentAuthenticationEvents(ApplicationEventPublisher publisher) {
        this.failures = new DefaultAuthenticationEventPublisher(publisher);
    }

    @Override
    public void publishAuthenticationSuccess(Authentication authentication) {
        // Nothing listens for it.
    }

    @Override
    public void publishAuthenticationFailure(AuthenticationException exception, Authentication authentication) {
        failures.publishAuthenticationFailure(exception, authentication);
    }
}
