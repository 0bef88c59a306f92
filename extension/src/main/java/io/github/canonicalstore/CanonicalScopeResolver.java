package io.github.canonicalstore;

import org.jspecify.annotations.Nullable;

/**
 * Tells the store which client a session works for, so that each client has canonical instances of its own
 * (SEMANTICS rule 12, "client scope").
 *
 * <p>The store asks {@link #currentScope()} once per session, on the thread that opens it, as Hibernate asks a
 * {@code CurrentTenantIdentifierResolver} for the tenant. The answer becomes part of every key the session loads:
 * {@code (scope, tenant identifier, root entity, id)}. Inside one scope the rules of the README hold as they do for
 * the whole factory; across scopes, an edit that one client makes to its canonical instance and does not commit is
 * never visible through another client's instances, while committed state and deletions reach the instances of
 * every scope.
 *
 * <p>A scope is compared with {@code equals}, and the store holds it only while one of its canonical instances is
 * alive: when the client goes (its HTTP session ends, its window closes) and its instances become unreachable, the
 * scope's entries disappear with them. Use a small object with identity or value semantics (a token kept in the
 * HTTP session, a user id), never the HTTP session itself.
 *
 * <p>Set it with {@link io.github.canonicalstore.hibernate.CanonicalStoreSettings#SCOPE_RESOLVER}: the class name of
 * an implementation with a public no-argument constructor, or an instance in the properties map given to the
 * bootstrap. Without one, every session works in the factory scope: right for one user, as in a desktop client,
 * where an edit to a canonical instance is meant to show everywhere.
 *
 * <p><b>Thread safety.</b> Implementations must be safe for concurrent use: sessions open on many threads at once.
 * They must be fast and must not open sessions of the same factory.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface CanonicalScopeResolver {

    /**
     * The scope of the session being opened on the calling thread.
     *
     * @return the client's scope, or {@code null} for the factory scope
     */
    @Nullable Object currentScope();
}
