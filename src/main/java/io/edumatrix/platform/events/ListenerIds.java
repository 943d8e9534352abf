package io.edumatrix.platform.events;

import java.lang.reflect.Method;
import org.springframework.transaction.event.TransactionalApplicationListenerMethodAdapter;
import org.springframework.util.ConcurrentLruCache;

/** The id Spring gives a listener method, which is also the id in the outbox; the inbox uses the same. */
final class ListenerIds {

    private static final ConcurrentLruCache<Method, String> IDS = new ConcurrentLruCache<>(256,
            method -> new TransactionalApplicationListenerMethodAdapter("listener", method.getDeclaringClass(), method)
                    .getListenerId());

    private ListenerIds() {}

    static String of(Method method) {
        return IDS.get(method);
    }
}
