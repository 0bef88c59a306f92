package io.github.canonicalstore.internal.hibernate;

import org.hibernate.HibernateException;
import org.hibernate.LockMode;
import org.hibernate.bytecode.enhance.spi.LazyPropertyInitializer;
import org.hibernate.bytecode.enhance.spi.interceptor.EnhancementAsProxyLazinessInterceptor;
import org.hibernate.collection.spi.AbstractPersistentCollection;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.CollectionKey;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.EntityHolder;
import org.hibernate.engine.spi.EntityKey;
import org.hibernate.engine.spi.PersistenceContext;
import org.hibernate.engine.spi.PersistentAttributeInterceptable;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.Status;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.LazyInitializer;
import org.hibernate.type.AnyType;
import org.hibernate.type.CollectionType;
import org.hibernate.type.ComponentType;
import org.hibernate.type.EntityType;
import org.hibernate.type.Type;
import org.jspecify.annotations.Nullable;

/**
 * Prepares a canonical instance that a load hands to a session (a hit) before Hibernate reads the row: its
 * collections and its uninitialised lazy references join the loading session's persistence context as they are,
 * so that Hibernate finds them there instead of making new ones (SEMANTICS rule 11).
 *
 * <ul>
 *   <li>An initialised collection is reattached with its elements: the load reads none of them and writes nothing
 *       into it, and a thread that iterates it meanwhile is not disturbed (reading an initialised collection never
 *       touches a session). Its elements stay the canonical instances they are; once the load has finished, the
 *       session takes them over too, as it takes over the targets of initialised references ({@link GraphTakeOver}).
 *   <li>An uninitialised collection or proxy is bound to the loading session, which may initialise it, as it
 *       would initialise its own; {@link LazyLoadGuard} keeps every other thread from doing so through it.
 * </ul>
 *
 * <p>This is what {@code Session.lock(entity, LockMode.NONE)} did to a detached instance before Hibernate 7
 * ({@code OnLockVisitor}, {@code ProxyVisitor.reattachCollection}), without the entity itself: Hibernate then writes
 * the row into the instance through the persister, which writes only what changed ({@link LoadPath#writeLoaded}).
 * A collection or proxy that is still bound to another session (one that let go of the instance but has not
 * finished closing) cannot be shared: the load gets a private instance instead.
 *
 * <p>Stateless; runs on the loading thread.
 */
final class Reattachment {
    private Reattachment() {
    }

    /**
     * Makes canonical instance {@code instance} of row {@code id} managed by {@code session} as it is, without SQL,
     * with what it reaches through initialised associations ({@link GraphTakeOver}): registered with its row's
     * committed state (its snapshot) as the loaded state, so that the session's flush writes whatever differs from
     * it. This is what a flush cascade that reaches a canonical instance the session did not load needs (rule 11:
     * initialised associations hold canonical instances as they are), where plain Hibernate would find an instance
     * it loaded.
     *
     * @param committed the instance's committed state, as the store keeps it
     * @return whether it could: {@code false} if the session holds another instance of the row, or some of what it
     *     reaches cannot be handed to the session
     */
    static boolean manage(EntityBinding binding, Object instance, Object id, Object[] committed,
            SharedSessionContractImplementor session, SessionOwner owner) {
        EntityHolder existing = session.getPersistenceContextInternal()
                .getEntityHolder(session.generateEntityKey(id, binding.persister));
        if (existing != null && existing.getEntity() != null || !prepare(binding, instance, session)
                || !register(binding, instance, id, committed, session, LockMode.NONE)) {
            return false;
        }
        if (binding.hasAssociations()) {
            new GraphTakeOver(binding.store, owner, session).takeOverReachable(binding, instance);
        }
        return true;
    }

    /**
     * Registers {@code instance} with {@code session} as managed, with its row's committed state as the loaded state.
     *
     * @param lockMode the entry's lock mode: {@code READ} for a row read in a transaction, as Hibernate records it
     * @return whether it could: {@code false} if the session holds another instance of the row
     */
    static boolean register(EntityBinding binding, Object instance, Object id, Object[] committed,
            SharedSessionContractImplementor session, LockMode lockMode) {
        EntityKey key = session.generateEntityKey(id, binding.persister);
        PersistenceContext context = session.getPersistenceContextInternal();
        EntityHolder existing = context.getEntityHolder(key);
        if (existing != null && existing.getEntity() != null) {
            return existing.getEntity() == instance && context.isEntryFor(instance);
        }
        registerLoaded(binding, instance, key, binding.loadedState(instance, committed, session), session, lockMode);
        return true;
    }

    /**
     * Registers {@code instance} with {@code session} as managed with {@code loaded} as its loaded state (kept by the
     * session). The session must hold no instance of the row.
     */
    static void registerLoaded(EntityBinding binding, Object instance, EntityKey key, Object[] loaded,
            SharedSessionContractImplementor session, LockMode lockMode) {
        EntityPersister persister = binding.persister;
        int version = binding.versionIndex();
        session.getPersistenceContextInternal().addEntity(instance,
                persister.isMutable() ? Status.MANAGED : Status.READ_ONLY, loaded, key,
                version >= 0 ? loaded[version] : null, lockMode, true, persister, false);
        persister.afterReassociate(instance, session);
    }

    /**
     * Binds the collections and lazy references of {@code instance} to {@code session}: first checks that each one
     * can be, then binds them all, so that a refusal leaves nothing bound.
     *
     * @return whether it could: {@code false} if some of them are bound to another session
     */
    static boolean prepare(EntityBinding binding, Object instance, SharedSessionContractImplementor session) {
        return visitAll(binding, instance, session, 2);
    }

    /**
     * Whether {@link #prepare} would succeed now: none of {@code instance}'s collections is bound to another session.
     * Binds nothing.
     */
    static boolean canPrepare(EntityBinding binding, Object instance, SharedSessionContractImplementor session) {
        return visitAll(binding, instance, session, 1);
    }

    /** Pass 0 checks every association of {@code instance}; pass 1, if {@code passes} is 2, binds them. */
    private static boolean visitAll(EntityBinding binding, Object instance, SharedSessionContractImplementor session,
            int passes) {
        if (!binding.hasAssociations()) {
            return true;
        }
        Type[] types = binding.persister.getPropertyTypes();
        Object[] values = binding.persister.getValues(instance);
        for (int pass = 0; pass < passes; pass++) {
            boolean bind = pass == 1;
            for (int i = 0; i < types.length; i++) {
                if (binding.isAssociation(i) && !visit(types[i], values[i], session, bind)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Checks ({@code bind} false) or binds ({@code bind} true) one value and what it contains. */
    private static boolean visit(Type type, @Nullable Object value, SharedSessionContractImplementor session,
            boolean bind) {
        if (value == null || value == LazyPropertyInitializer.UNFETCHED_PROPERTY) {
            return true;
        }
        if (type instanceof CollectionType collectionType) {
            return !(value instanceof PersistentCollection<?> collection)
                    || (bind ? bindCollection(collectionType, collection, session)
                            : canBindCollection(collectionType, collection, session));
        }
        if (type instanceof EntityType || type instanceof AnyType) {
            return !bind || bindReference(value, session); // every reference can be handled: see bindReference
        }
        if (type instanceof ComponentType composite) {
            Type[] parts = composite.getSubtypes();
            Object[] partValues = composite.getPropertyValues(value);
            for (int i = 0; i < parts.length; i++) {
                if (!visit(parts[i], partValues[i], session, bind)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static @Nullable SharedSessionContractImplementor sessionOf(PersistentCollection<?> collection) {
        return collection instanceof AbstractPersistentCollection<?> wrapper ? wrapper.getSession() : null;
    }

    static boolean canBindCollection(CollectionType type, PersistentCollection<?> collection,
            SharedSessionContractImplementor session) {
        SharedSessionContractImplementor current = sessionOf(collection);
        if (current == session) {
            return true;
        }
        if (collection.getKey() == null || collection.isUnreferenced()) {
            return true; // no row's collection any more (its owner was deleted): the load replaces it
        }
        if (current != null) {
            return false; // still bound to a session that is letting go of it
        }
        // the session must not hold another instance's collection for that row already
        return session.getPersistenceContextInternal()
                .getCollection(new CollectionKey(persister(type, session), collection.getKey())) == null;
    }

    static boolean bindCollection(CollectionType type, PersistentCollection<?> collection,
            SharedSessionContractImplementor session) {
        if (collection.getKey() == null || collection.isUnreferenced() || !collection.setCurrentSession(session)) {
            return true; // bound to this session already
        }
        PersistenceContext context = session.getPersistenceContextInternal();
        if (collection.wasInitialized()) {
            context.addInitializedDetachedCollection(persister(type, session), collection);
        } else {
            context.addUninitializedDetachedCollection(persister(type, session), collection);
        }
        return true;
    }

    static CollectionPersister persister(CollectionType type, SharedSessionContractImplementor session) {
        return session.getFactory().getMappingMetamodel().getCollectionDescriptor(type.getRole());
    }

    /** Whether a proxy or collection bound to {@code bound} is free for {@code session} to take. */
    static boolean isFree(@Nullable SharedSessionContractImplementor bound,
            SharedSessionContractImplementor session) {
        return bound == null || bound == session || bound.isClosed();
    }

    /**
     * Binds an uninitialised reference that no open session holds to the loading session. One still bound to another
     * open session (which detached the instance but is still open) is left alone: the load replaces it with its own
     * ({@link HitWrites#writeChanges}).
     */
    static boolean bindReference(Object value, SharedSessionContractImplementor session) {
        LazyInitializer lazy = HibernateProxy.extractLazyInitializer(value);
        if (lazy != null) {
            // one proxy can sit in several canonical instances (one session loaded them all), which sessions on
            // other threads may be taking over now: one binds it, the others make their own (writeChanges)
            synchronized (lazy) {
                if (lazy.isUninitialized() && isFree(lazy.getSession(), session)) {
                    try {
                        session.getPersistenceContextInternal().reassociateIfUninitializedProxy(value);
                    } catch (HibernateException stillBoundElsewhere) {
                        // its session has not finished closing: the load replaces it with its own
                    }
                }
            }
        } else if (value instanceof PersistentAttributeInterceptable interceptable
                && interceptable.$$_hibernate_getInterceptor()
                        instanceof EnhancementAsProxyLazinessInterceptor proxy && !proxy.isInitialized()
                && isFree(proxy.getLinkedSession(), session) && !EntityBinding.isAttachedElsewhere(value)) {
            synchronized (proxy) {
                if (proxy.getLinkedSession() == null || proxy.getLinkedSession().isClosed()) {
                    bindEnhancedProxy(interceptable, proxy, session);
                }
            }
        }
        return true;
    }

    /**
     * Registers an enhanced entity that serves as its own lazy proxy with the session, as Hibernate registers one it
     * creates ({@code BytecodeEnhancementMetadataPojoImpl.createEnhancedProxy}): an enhanced proxy entry and an
     * empty managed entry, and its interceptor bound to the session. Not if the session has the row already.
     */
    private static void bindEnhancedProxy(PersistentAttributeInterceptable proxy,
            EnhancementAsProxyLazinessInterceptor interceptor, SharedSessionContractImplementor session) {
        EntityPersister persister = interceptor.getEntityKey().getPersister();
        Object id = interceptor.getEntityKey().getIdentifier();
        EntityKey key = session.generateEntityKey(id, persister);
        PersistenceContext context = session.getPersistenceContextInternal();
        if (context.getEntityHolder(key) != null) {
            return; // the load makes its own reference to it, which replaces this one
        }
        context.addEnhancedProxy(key, proxy);
        EntityHolder holder = context.getEntityHolder(key);
        EntityEntry entry = context.addEntry(proxy, Status.MANAGED, null, null, id, null, LockMode.NONE, true,
                persister, true);
        if (holder != null) {
            holder.setEntityEntry(entry);
        }
        interceptor.setSession(session);
    }
}
