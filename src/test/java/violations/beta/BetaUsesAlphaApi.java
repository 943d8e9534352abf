package violations.beta;

import java.util.UUID;
import violations.alpha.AlphaApi;

/** The allowed way: through alpha's API. */
public class BetaUsesAlphaApi {

    private final AlphaApi alpha;

    public BetaUsesAlphaApi(AlphaApi alpha) {
        this.alpha = alpha;
    }

    public boolean knows(UUID alphaId) {
        return alpha.exists(alphaId);
    }
}
