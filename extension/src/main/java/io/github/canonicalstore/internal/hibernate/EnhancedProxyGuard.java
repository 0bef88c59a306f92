package io.github.canonicalstore.internal.hibernate;

import org.hibernate.bytecode.enhance.spi.interceptor.BytecodeLazyAttributeInterceptor;
import org.hibernate.bytecode.enhance.spi.interceptor.LazyAttributeLoadingInterceptor;
import org.hibernate.bytecode.enhance.spi.interceptor.LazyAttributesMetadata;
import org.hibernate.bytecode.spi.BytecodeEnhancementMetadata;
import org.hibernate.bytecode.spi.NotInstrumentedException;
import org.hibernate.engine.spi.EntityKey;
import org.hibernate.engine.spi.PersistentAttributeInterceptable;
import org.hibernate.engine.spi.PersistentAttributeInterceptor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.jspecify.annotations.Nullable;

/**
 * Hibernate's enhancement metadata with one change, to how an enhanced entity is created to serve as its own lazy
 * proxy ({@code BytecodeEnhancementMetadataPojoImpl.createEnhancedProxy}, which calls {@code persister.instantiate}
 * directly). Such a proxy is initialised in place, later, by its session; the canonical instance must not become
 * one (it would turn back into an uninitialised instance for every holder). So:
 * <ul>
 *   <li>if the row has a live canonical instance that the session may have, the association is resolved by loading
 *       the row now, which hands out that instance (one SELECT earlier than plain Hibernate, but one instance);
 *   <li>otherwise the proxy is a new instance (the thread is marked while Hibernate creates it, so that the
 *       persister does not hand out the canonical one); when it is initialised and no canonical instance is alive,
 *       it is adopted as canonical ({@link LoadPath#afterLoad}).
 * </ul>
 *
 * <p>Thread-safe: the mark is thread-local and nests.
 */
final class EnhancedProxyGuard implements BytecodeEnhancementMetadata {
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private final BytecodeEnhancementMetadata delegate;
    private final PersisterSupport support;

    EnhancedProxyGuard(BytecodeEnhancementMetadata delegate, PersisterSupport support) {
        this.delegate = delegate;
        this.support = support;
    }

    static boolean isCreatingProxy() {
        return DEPTH.get()[0] > 0;
    }

    @Override
    public PersistentAttributeInterceptable createEnhancedProxy(
            EntityKey keyToLoad, boolean addEmptyEntry, SharedSessionContractImplementor session) {
        EntityBinding binding = support.binding();
        if (binding.isCanonical()
                && binding.store.loads().isAvailableTo(binding, keyToLoad.getIdentifier(), session)
                && session.internalLoad(keyToLoad.getEntityName(), keyToLoad.getIdentifier(), true, true)
                        instanceof PersistentAttributeInterceptable loaded) {
            return loaded;
        }
        int[] depth = DEPTH.get();
        depth[0]++;
        try {
            return delegate.createEnhancedProxy(keyToLoad, addEmptyEntry, session);
        } finally {
            depth[0]--;
        }
    }

    @Override
    public String getEntityName() {
        return delegate.getEntityName();
    }

    @Override
    public boolean isEnhancedForLazyLoading() {
        return delegate.isEnhancedForLazyLoading();
    }

    @Override
    public LazyAttributesMetadata getLazyAttributesMetadata() {
        return delegate.getLazyAttributesMetadata();
    }

    @Override
    public LazyAttributeLoadingInterceptor injectInterceptor(
            Object entity, Object identifier, SharedSessionContractImplementor session)
            throws NotInstrumentedException {
        return delegate.injectInterceptor(entity, identifier, session);
    }

    @Override
    public void injectInterceptor(
            Object entity, PersistentAttributeInterceptor interceptor, SharedSessionContractImplementor session) {
        delegate.injectInterceptor(entity, interceptor, session);
    }

    @Override
    public void injectEnhancedEntityAsProxyInterceptor(
            Object entity, EntityKey entityKey, SharedSessionContractImplementor session) {
        delegate.injectEnhancedEntityAsProxyInterceptor(entity, entityKey, session);
    }

    @Override
    public @Nullable LazyAttributeLoadingInterceptor extractInterceptor(Object entity)
            throws NotInstrumentedException {
        return delegate.extractInterceptor(entity);
    }

    @Override
    public @Nullable BytecodeLazyAttributeInterceptor extractLazyInterceptor(Object entity)
            throws NotInstrumentedException {
        return delegate.extractLazyInterceptor(entity);
    }

    @Override
    public boolean hasUnFetchedAttributes(Object entity) {
        return delegate.hasUnFetchedAttributes(entity);
    }

    @Override
    public boolean isAttributeLoaded(Object entity, String attributeName) {
        return delegate.isAttributeLoaded(entity, attributeName);
    }
}
