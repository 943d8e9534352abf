package violations.platform;

import violations.alpha.AlphaApi;

public class PlatformCallsAlphaApi {

    private final AlphaApi alpha;

    public PlatformCallsAlphaApi(AlphaApi alpha) {
        this.alpha = alpha;
    }

    public AlphaApi alpha() {
        return alpha;
    }
}
