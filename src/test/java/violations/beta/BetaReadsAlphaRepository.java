package violations.beta;

import java.util.UUID;
import violations.alpha.internal.AlphaRepository;

public class BetaReadsAlphaRepository {

    private final AlphaRepository alphaRecords;

    public BetaReadsAlphaRepository(AlphaRepository alphaRecords) {
        this.alphaRecords = alphaRecords;
    }

    public boolean knows(UUID alphaId) {
        return alphaRecords.existsById(alphaId);
    }
}
