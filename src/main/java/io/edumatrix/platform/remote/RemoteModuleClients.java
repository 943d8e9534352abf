package io.edumatrix.platform.remote;

import io.edumatrix.platform.data.ModuleStartupException;
import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.domain.ProblemType;
import java.net.http.HttpClient;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.modulith.NamedInterface;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the HTTP client of a remote module's published API from a Spring HTTP interface: aimed at the module's
 * {@code edumatrix.remote.<module>.url}, with its timeouts and retries ({@link RemoteCalls}), this process's service
 * token, and the owner's problems turned back into the exceptions of the in-process call ({@link ProblemResponses}).
 * A module's {@code remote} package, scanned only while the module is remote, calls it.
 */
@NamedInterface("remote")
public final class RemoteModuleClients {

    private final RemoteProperties properties;
    private final ObjectProvider<ServiceTokens> tokens;
    private final RestClient.Builder builder;
    private final ProblemResponses problems;

    RemoteModuleClients(RemoteProperties properties, ObjectProvider<ServiceTokens> tokens, RestClient.Builder builder,
            JsonMapper json) {
        this.properties = properties;
        this.tokens = tokens;
        this.builder = builder;
        this.problems = new ProblemResponses(json);
    }

    /**
     * An answer of a binding that maps "none" to 404, as the in-process {@code Optional} of the API: the 404 problem
     * {@code not-found} is empty, every other problem is thrown as it is.
     */
    public static <T> Optional<T> absentIfNotFound(Supplier<T> call) {
        try {
            return Optional.of(call.get());
        } catch (DomainException e) {
            if (e.type().equals(ProblemType.NOT_FOUND)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public <T> T client(String module, Class<T> httpInterface) {
        var settings = properties.remote().get(module);
        if (settings == null) {
            throw new ModuleStartupException("Module " + module + " is not remote: edumatrix.remote." + module
                    + ".url is not set", "Set edumatrix.remote." + module + ".url, or list " + module
                    + " in edumatrix.modules");
        }
        var http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
        var requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(settings.readTimeout());
        var client = builder.clone()
                .baseUrl(settings.url().toString())
                .requestFactory(requests)
                .requestInterceptor(new RemoteCalls(module, settings, () -> tokens.getObject().current()))
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    throw problems.read(module, response);
                })
                .build();
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(client)).build().createClient(httpInterface);
    }
}
