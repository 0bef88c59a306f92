package io.github.canonicalstore.examples.web.diagnostics;

import org.hibernate.Interceptor;
import org.hibernate.type.Type;

/**
 * A session-scoped Hibernate interceptor (one per session, created on the thread that opens it) that reports every
 * entity loaded through its session on another thread. Plain Hibernate never does that in this application: each
 * request opens its own sessions and uses them on its own thread. SEMANTICS rule 11 says the store must not make
 * it happen either ("no thread ever runs SQL through a session it is not using").
 */
public final class SessionThreadGuard implements Interceptor {
    private final Thread opener = Thread.currentThread();
    private final ForeignSessionUses uses;

    /** @param uses where loads on a foreign thread are reported */
    public SessionThreadGuard(ForeignSessionUses uses) {
        this.uses = uses;
    }

    @Override
    public boolean onLoad(Object entity, Object id, Object[] state, String[] propertyNames, Type[] types) {
        Thread current = Thread.currentThread();
        if (current != opener) {
            uses.record(new ForeignSessionUse(entity.getClass().getSimpleName() + "#" + id, opener.getName(),
                    current.getName()));
        }
        return false;
    }
}
