package io.github.canonicalstore.servlet;

import java.io.Serializable;
import java.util.UUID;

/**
 * The scope of one HTTP session, or of one request without a session: what {@link HttpSessionScopeResolver} hands the
 * store. A random identifier and nothing else, so that the store's keys keep no session or request alive.
 *
 * <p>Equal by identifier, and serializable, so that a session that a container persists or replicates (Spring
 * Session, for example, which reads a new copy of every attribute on each request) keeps its scope.
 */
final class ClientScope implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String id;

    private ClientScope(String id) {
        this.id = id;
    }

    /** @return a scope equal to no other */
    static ClientScope create() {
        return new ClientScope(UUID.randomUUID().toString());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClientScope that && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "ClientScope[" + id + "]";
    }
}
