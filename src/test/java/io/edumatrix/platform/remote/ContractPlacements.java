package io.edumatrix.platform.remote;

import java.util.function.Function;
import java.util.stream.Stream;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two places a module's API is called from in a contract test (ADR 0035): this process, where the owner runs, and
 * another one, through the client of the owner's {@code remote} package aimed at this test's server.
 */
public final class ContractPlacements {

    public static final String IN_PROCESS = "in-process";
    public static final String OVER_HTTP = "over HTTP";

    private ContractPlacements() {}

    public static Stream<String> both() {
        return Stream.of(IN_PROCESS, OVER_HTTP);
    }

    /** The API as the placement sees it: the owner's bean, or its client built by {@code client}. */
    public static <T> T api(String placement, String module, Class<T> type, ApplicationContext context, int port,
            Function<RemoteModuleClients, T> client) {
        if (placement.equals(IN_PROCESS)) {
            return context.getBean(type);
        }
        return client.apply(RemoteClientsForTests.at(module, "http://127.0.0.1:" + port,
                context.getBean(ServiceTokens.class), context.getBean(JsonMapper.class)));
    }
}
