package io.edumatrix.identity.internal.sessions;

import io.edumatrix.identity.internal.IdentityProperties;
import io.edumatrix.identity.internal.keys.TokenVerification;
import io.edumatrix.platform.Times;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(value = "identity", readOnly = true)
class RevokedSessionService {

    private final SessionFamilyRepository families;
    private final IdentityProperties properties;

    RevokedSessionService(SessionFamilyRepository families, IdentityProperties properties) {
        this.families = families;
        this.properties = properties;
    }

    /** Sessions revoked recently enough that an access token issued in them may still be unexpired. */
    List<UUID> recentlyRevoked() {
        var horizon = properties.accessTokenTtl().plus(TokenVerification.CLOCK_SKEW);
        return families.findRevokedSince(Times.now().minus(horizon));
    }
}
