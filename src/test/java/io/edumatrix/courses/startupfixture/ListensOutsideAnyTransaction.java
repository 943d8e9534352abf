package io.edumatrix.courses.startupfixture;

import io.edumatrix.institutions.InstitutionDeactivated;
import org.springframework.context.event.EventListener;

/** A courses listener on a plain {@code @EventListener}: no transaction, no retries, no inbox. */
public class ListensOutsideAnyTransaction {

    @EventListener
    public void on(InstitutionDeactivated event) {}
}
