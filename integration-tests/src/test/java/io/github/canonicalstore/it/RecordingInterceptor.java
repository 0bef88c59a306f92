package io.github.canonicalstore.it;

import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.Interceptor;
import org.hibernate.type.Type;

/** An application Interceptor, configured in persistence.xml, that must keep working beside the store. */
public class RecordingInterceptor implements Interceptor {
    static final AtomicInteger FLUSH_DIRTY = new AtomicInteger();
    static final AtomicInteger PRE_FLUSH = new AtomicInteger();

    @Override
    public boolean onFlushDirty(Object entity, Object id, Object[] currentState, Object[] previousState,
            String[] propertyNames, Type[] types) {
        FLUSH_DIRTY.incrementAndGet();
        return false;
    }

    @Override
    public void preFlush(java.util.Iterator<Object> entities) {
        PRE_FLUSH.incrementAndGet();
    }
}
