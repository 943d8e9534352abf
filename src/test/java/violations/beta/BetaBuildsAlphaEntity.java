package violations.beta;

import java.util.UUID;
import violations.alpha.AlphaRecord;

public class BetaBuildsAlphaEntity {

    public Object build() {
        return new AlphaRecord(UUID.randomUUID(), "made by beta");
    }
}
