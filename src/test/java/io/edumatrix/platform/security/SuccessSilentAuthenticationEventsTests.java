package io.edumatrix.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.testing.UnitTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;

/** A failed authentication is published as Spring Security publishes it; a successful one is not published at all. */
@UnitTest
class SuccessSilentAuthenticationEventsTests {

    @Test
    void a_failure_is_published_and_a_success_is_not() {
        List<Object> published = new ArrayList<>();
        var events = new SuccessSilentAuthenticationEvents(published::add);
        var caller = new TestingAuthenticationToken("someone", "secret", "ROLE_STUDENT");

        events.publishAuthenticationSuccess(caller);
        assertThat(published).isEmpty();

        events.publishAuthenticationFailure(new BadCredentialsException("no"), caller);
        assertThat(published).singleElement().isInstanceOf(AuthenticationFailureBadCredentialsEvent.class);
    }
}
