package violations.beta;

import java.util.UUID;
import violations.alpha.internal.AlphaCatalog;

public class BetaCallsAlphaInternals {

    private final AlphaCatalog catalog;

    public BetaCallsAlphaInternals(AlphaCatalog catalog) {
        this.catalog = catalog;
    }

    public boolean knows(UUID alphaId) {
        return catalog.exists(alphaId);
    }
}
