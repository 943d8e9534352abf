package io.edumatrix.identity.internal.keys;

import io.edumatrix.identity.internal.Views.RotatedKey;
import io.edumatrix.platform.security.PlatformAdmin;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SigningKeyController {

    private final SigningKeys keys;

    SigningKeyController(SigningKeys keys) {
        this.keys = keys;
    }

    /** A new key signs from now on; the previous ones keep verifying the tokens they signed. */
    @PostMapping("/api/identity/signing-keys/rotation")
    @PlatformAdmin
    RotatedKey rotate() {
        return new RotatedKey(keys.rotate().getKeyID());
    }
}
