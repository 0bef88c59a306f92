package io.github.canonicalstore.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.canonicalstore.CanonicalScopeResolver;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class HttpSessionScopeResolverTest {

    private final CanonicalScopeFilter filter = new CanonicalScopeFilter();
    private final CanonicalScopeResolver resolver = new HttpSessionScopeResolver();

    @Test
    void outsideARequestTheScopeIsTheFactoryScope() {
        assertThat(resolver.currentScope()).isNull();
    }

    @Test
    void aRequestOfAnHttpSessionGetsThatSessionsToken() throws Exception {
        FakeHttp.Session session = new FakeHttp.Session();

        Object scope = scopeIn(new FakeHttp.Request(session));

        assertThat(scope).isNotNull().isNotInstanceOf(HttpSession.class).isNotSameAs(session.api);
        assertThat(session.attributes).containsEntry(HttpSessionScopeResolver.SESSION_ATTRIBUTE, scope);
    }

    @Test
    void laterRequestsOfTheSameHttpSessionGetTheSameToken() throws Exception {
        FakeHttp.Session session = new FakeHttp.Session();

        Object first = scopeIn(new FakeHttp.Request(session));
        Object second = scopeIn(new FakeHttp.Request(session));

        assertThat(second).isSameAs(first);
    }

    @Test
    void twoHttpSessionsGetDifferentTokens() throws Exception {
        Object alice = scopeIn(new FakeHttp.Request(new FakeHttp.Session()));
        Object bob = scopeIn(new FakeHttp.Request(new FakeHttp.Session()));

        assertThat(alice).isNotEqualTo(bob);
    }

    @Test
    void aRequestWithoutHttpSessionGetsATokenOfItsOwnAndCreatesNoSession() throws Exception {
        FakeHttp.Request first = new FakeHttp.Request(null);
        FakeHttp.Request second = new FakeHttp.Request(null);
        List<@Nullable Object> firstScopes = new ArrayList<>();

        filter.doFilter(first.api, null, chain(() -> {
            firstScopes.add(resolver.currentScope());
            firstScopes.add(resolver.currentScope());
        }));
        Object secondScope = scopeIn(second);

        assertThat(firstScopes.get(0)).isNotNull().isSameAs(firstScopes.get(1));
        assertThat(secondScope).isNotNull().isNotEqualTo(firstScopes.get(0));
        assertThat(first.sessionsCreated).hasValue(0);
        assertThat(second.sessionsCreated).hasValue(0);
    }

    @Test
    void aSessionInvalidatedDuringTheRequestCountsAsNone() throws Exception {
        FakeHttp.Session session = new FakeHttp.Session();
        FakeHttp.Request request = new FakeHttp.Request(session);
        session.invalidated.set(true);

        Object scope = scopeIn(request);

        assertThat(scope).isNotNull().isEqualTo(scopeIn(request));
        assertThat(session.attributes).isEmpty();
    }

    @Test
    void theRequestIsClearedAfterTheChain() throws Exception {
        scopeIn(new FakeHttp.Request(new FakeHttp.Session()));

        assertThat(resolver.currentScope()).isNull();
        assertThat(CurrentRequest.get()).isNull();
    }

    @Test
    void theRequestIsClearedWhenTheChainThrows() {
        FakeHttp.Request request = new FakeHttp.Request(new FakeHttp.Session());

        assertThatThrownBy(() -> filter.doFilter(request.api, null, (req, res) -> {
            throw new ServletException("boom");
        })).isInstanceOf(ServletException.class).hasMessage("boom");
        assertThat(resolver.currentScope()).isNull();
        assertThat(CurrentRequest.get()).isNull();
    }

    @Test
    void aNestedDispatchGivesTheOuterRequestBackWhenItReturns() throws Exception {
        FakeHttp.Session outerSession = new FakeHttp.Session();
        FakeHttp.Session innerSession = new FakeHttp.Session();
        List<@Nullable Object> scopes = new ArrayList<>();

        filter.doFilter(new FakeHttp.Request(outerSession).api, null, chain(() -> {
            scopes.add(resolver.currentScope());
            filter.doFilter(new FakeHttp.Request(innerSession).api, null, chain(() -> scopes.add(resolver.currentScope())));
            scopes.add(resolver.currentScope());
        }));

        assertThat(scopes.get(0)).isEqualTo(outerSession.attributes.get(HttpSessionScopeResolver.SESSION_ATTRIBUTE));
        assertThat(scopes.get(1)).isEqualTo(innerSession.attributes.get(HttpSessionScopeResolver.SESSION_ATTRIBUTE));
        assertThat(scopes.get(2)).isSameAs(scopes.get(0));
        assertThat(CurrentRequest.get()).isNull();
    }

    @Test
    void otherThreadsDoNotSeeTheRequest() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            List<@Nullable Object> scopes = new ArrayList<>();
            filter.doFilter(new FakeHttp.Request(new FakeHttp.Session()).api, null,
                    chain(() -> scopes.add(executor.submit(resolver::currentScope).get(10, TimeUnit.SECONDS))));

            assertThat(scopes).containsExactly((Object) null);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void concurrentFirstRequestsOfOneHttpSessionGetOneToken() throws Exception {
        int threads = 4;
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 200; round++) {
                FakeHttp.Session session = new FakeHttp.Session();
                CyclicBarrier start = new CyclicBarrier(threads);
                List<Future<@Nullable Object>> scopes = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    Callable<@Nullable Object> request = () -> {
                        start.await(10, TimeUnit.SECONDS);
                        return scopeIn(new FakeHttp.Request(session));
                    };
                    scopes.add(executor.submit(request));
                }
                List<@Nullable Object> got = new ArrayList<>();
                for (Future<@Nullable Object> scope : scopes) {
                    got.add(scope.get(10, TimeUnit.SECONDS));
                }
                Object stored = session.attributes.get(HttpSessionScopeResolver.SESSION_ATTRIBUTE);
                assertThat(got).as("round %d", round).isNotEmpty().allSatisfy(scope -> assertThat(scope).isSameAs(stored));
            }
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aTokenKeepsItsEqualityThroughSerialization() throws Exception {
        FakeHttp.Session session = new FakeHttp.Session();
        Object scope = scopeIn(new FakeHttp.Request(session));

        Object copy = roundTrip(scope);

        assertThat(copy).isNotSameAs(scope).isEqualTo(scope).hasSameHashCodeAs(scope);
        session.attributes.put(HttpSessionScopeResolver.SESSION_ATTRIBUTE, copy);
        assertThat(scopeIn(new FakeHttp.Request(session))).isSameAs(copy);
    }

    @Test
    void hibernateCanCreateTheResolverFromItsClassName() throws Exception {
        Object created = Class.forName("io.github.canonicalstore.servlet.HttpSessionScopeResolver")
                .getConstructor().newInstance();

        assertThat(created).isInstanceOf(CanonicalScopeResolver.class);
    }

    private @Nullable Object scopeIn(FakeHttp.Request request) throws IOException, ServletException {
        List<@Nullable Object> scopes = new ArrayList<>();
        filter.doFilter(request.api, null, chain(() -> scopes.add(resolver.currentScope())));
        return scopes.get(0);
    }

    private interface Body {
        void run() throws Exception;
    }

    private static FilterChain chain(Body body) {
        return (request, response) -> {
            try {
                body.run();
            } catch (IOException | ServletException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new ServletException(e);
            }
        };
    }

    private static Object roundTrip(Object object) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
