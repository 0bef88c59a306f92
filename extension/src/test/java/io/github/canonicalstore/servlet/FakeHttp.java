package io.github.canonicalstore.servlet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Just enough of a servlet container for the resolver: sessions and requests with attributes. Every other method of
 * the servlet interfaces throws, so a test fails if the code under test starts to use one.
 */
final class FakeHttp {

    private FakeHttp() {
    }

    /** An HTTP session whose attributes live in a concurrent map, as a container's do. */
    static final class Session {
        final Map<String, Object> attributes = new ConcurrentHashMap<>();
        final AtomicBoolean invalidated = new AtomicBoolean();
        final HttpSession api = proxy(HttpSession.class, (method, args) -> {
            if (invalidated.get()) {
                throw new IllegalStateException("invalidated");
            }
            return switch (method.getName()) {
                case "getAttribute" -> attributes.get((String) args[0]);
                case "setAttribute" -> attributes.put((String) args[0], args[1]);
                case "invalidate" -> invalidated.getAndSet(true);
                default -> unsupported(method);
            };
        });
    }

    /** A request of {@code session}, or without one if it is {@code null}; it never creates a session. */
    static final class Request {
        final Map<String, Object> attributes = new ConcurrentHashMap<>();
        final AtomicInteger sessionsCreated = new AtomicInteger();
        final HttpServletRequest api;

        Request(@Nullable Session session) {
            api = proxy(HttpServletRequest.class, (method, args) -> switch (method.getName()) {
                case "getSession" -> {
                    boolean create = args == null || (Boolean) args[0];
                    if (session == null && create) {
                        sessionsCreated.incrementAndGet();
                        throw new UnsupportedOperationException("the resolver must not create sessions");
                    }
                    yield session == null ? null : session.api;
                }
                case "getAttribute" -> attributes.get((String) args[0]);
                case "setAttribute" -> attributes.put((String) args[0], args[1]);
                default -> unsupported(method);
            });
        }
    }

    private interface Handler {
        @Nullable Object handle(Method method, @Nullable Object[] args);
    }

    private static <T> T proxy(Class<T> type, Handler handler) {
        InvocationHandler invocation = (proxy, method, args) -> switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            case "toString" -> "fake " + type.getSimpleName();
            default -> handler.handle(method, args);
        };
        return type.cast(Proxy.newProxyInstance(FakeHttp.class.getClassLoader(), new Class<?>[] {type}, invocation));
    }

    private static Object unsupported(Method method) {
        throw new UnsupportedOperationException(method.getName());
    }
}
