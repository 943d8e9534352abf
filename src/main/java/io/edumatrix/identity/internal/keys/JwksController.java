package io.edumatrix.identity.internal.keys;

import com.nimbusds.jose.jwk.JWK;
import io.edumatrix.identity.internal.IdentityProperties;
import io.edumatrix.platform.security.Anonymous;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public keys of every key not retired, so any service can verify EduMatrix tokens without calling identity. */
@RestController
class JwksController {

    private final SigningKeys keys;
    private final IdentityProperties properties;

    JwksController(SigningKeys keys, IdentityProperties properties) {
        this.keys = keys;
        this.properties = properties;
    }

    @GetMapping("/.well-known/jwks.json")
    @Anonymous
    ResponseEntity<Map<String, Object>> jwks() {
        List<Map<String, Object>> published = keys.published().stream().map(JWK::toJSONObject).toList();
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(properties.jwksMaxAge()).cachePublic())
                .body(Map.of("keys", published));
    }
}
