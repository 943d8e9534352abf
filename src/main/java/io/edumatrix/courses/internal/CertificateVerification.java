package io.edumatrix.courses.internal;

import io.edumatrix.courses.internal.CertificateService.Verified;
import io.edumatrix.platform.tenancy.TenantContext;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The anonymous verification of a certificate. A request without a token has no tenant, and the certificate is
 * tenant-owned: the code names its institution in a global index first (ADR 0011), and the certificate is then read
 * in a transaction of that institution, under its row-level security like any other read.
 */
@Component
class CertificateVerification {

    private final CertificateService certificates;

    CertificateVerification(CertificateService certificates) {
        this.certificates = certificates;
    }

    Optional<Verified> verify(String code) {
        if (!Certificate.wellFormed(code)) {
            return Optional.empty();
        }
        return certificates.institutionOf(code)
                .flatMap(institution -> TenantContext.inInstitution(institution, () -> certificates.read(code)));
    }
}
