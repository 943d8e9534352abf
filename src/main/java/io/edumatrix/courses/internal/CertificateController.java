package io.edumatrix.courses.internal;

import io.edumatrix.courses.internal.Views.CertificateView;
import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.security.Anonymous;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Anyone with a certificate's code may verify it, and learn nothing else. */
@RestController
@RequestMapping("/api/certificates")
class CertificateController {

    private final CertificateVerification verification;

    CertificateController(CertificateVerification verification) {
        this.verification = verification;
    }

    @GetMapping("/{code}")
    @Anonymous
    CertificateView verify(@PathVariable String code) {
        return verification.verify(code).map(CertificateView::of)
                .orElseThrow(() -> DomainException.notFound("Certificate", code));
    }
}
