package io.github.canonicalstore.internal.hibernate;

import io.github.canonicalstore.internal.store.CanonicalMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import org.hibernate.Hibernate;
import org.hibernate.LockMode;
import org.hibernate.bytecode.enhance.spi.LazyPropertyInitializer;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.EntityHolder;
import org.hibernate.engine.spi.PersistenceContext;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.LazyInitializer;
import org.hibernate.type.AnyType;
import org.hibernate.type.CollectionType;
import org.hibernate.type.ComponentType;
import org.hibernate.type.CompositeType;
import org.hibernate.type.EntityType;
import org.hibernate.type.Type;
import org.jspecify.annotations.Nullable;

/**
 * Hands a session what a canonical instance it took over reaches through initialised associations (SEMANTICS rule
 * 11): every canonical instance in its initialised collections and references (and in theirs) becomes managed by
 * the session as it is, with its collections and uninitialised references bound to the session
 * ({@link Reattachment#prepare}). The session can then initialise any lazy state of the graph, and flushes edits
 * made to it, as it would had it loaded the graph itself: plain Hibernate would have loaded those instances in the
 * session when the application initialised the associations.
 *
 * <p>It runs once a load has finished ({@link LoadPath#afterLoad}), after every row the load read has been written
 * into its instance (rule 2). An instance the session holds already (because the load read its row, say) ends the
 * walk there. One the session cannot take over (another open session owns it or its lazy state, it has pending
 * edits, it is not canonical, or the session holds another instance or a proxy of its row) is left as it is, and so
 * is what lies beyond it.
 *
 * <p>One per walk; not thread-safe, runs on the session's thread.
 */
final class GraphTakeOver {
    private final CanonicalMap<EntityRef, Object> map;
    private final HibernateCanonicalStore store;
    private final SessionOwner owner;
    private final SharedSessionContractImplementor session;
    private final PersistenceContext context;
    /** The instances met so far that the walk did not take over; made at the first one (most walks meet none). */
    private @Nullable Map<Object, Boolean> seen;

    GraphTakeOver(HibernateCanonicalStore store, SessionOwner owner, SharedSessionContractImplementor session) {
        this.store = store;
        this.map = store.map();
        this.owner = owner;
        this.session = session;
        this.context = session.getPersistenceContextInternal();
    }

    /** Takes over what {@code instance}, which the session manages, reaches through initialised associations. */
    void takeOverReachable(EntityBinding binding, Object instance) {
        walkValues(binding, instance); // instance is managed by the session: a way back to it ends there
    }

    private void walkValues(EntityBinding binding, Object instance) {
        if (!binding.hasAssociations()) {
            return;
        }
        Type[] types = binding.persister.getPropertyTypes();
        Object[] values = binding.persister.getValues(instance);
        for (int i = 0; i < types.length; i++) {
            if (binding.isAssociation(i)) {
                walkValue(types[i], values[i]);
            }
        }
    }

    private void walkValue(Type type, @Nullable Object value) {
        if (value == null || value == LazyPropertyInitializer.UNFETCHED_PROPERTY) {
            return;
        }
        if (type instanceof CollectionType collectionType) {
            if (value instanceof PersistentCollection<?> collection && collection.wasInitialized()
                    && collection.getKey() != null && !collection.isUnreferenced()) {
                walkEntries(Reattachment.persister(collectionType, session), collection);
            }
        } else if (type instanceof EntityType || type instanceof AnyType) {
            Object target = initialisedTarget(value); // an @Any reference's target may be of any entity type
            if (target != null) {
                takeOver(target);
            }
        } else if (type instanceof ComponentType composite) {
            Type[] parts = composite.getSubtypes();
            Object[] partValues = composite.getPropertyValues(value);
            for (int i = 0; i < parts.length; i++) {
                walkValue(parts[i], partValues[i]);
            }
        }
    }

    /** Takes over one reachable initialised instance, if the session can, and then what it reaches. */
    private void takeOver(Object target) {
        if (context.isEntryFor(target)) {
            return; // the session manages it: it was taken over or loaded, and its graph is walked or loading
        }
        if (seen == null) {
            seen = new IdentityHashMap<>();
        }
        if (seen.put(target, Boolean.TRUE) != null) {
            return;
        }
        EntityPersister persister = session.getFactory().getMappingMetamodel().findEntityDescriptor(target.getClass());
        EntityBinding binding = persister == null ? null : store.bindingOf(persister);
        Object id = binding == null ? null : persister.getIdentifier(target, session);
        if (id == null) {
            return; // not an entity of a canonical store
        }
        EntityHolder holder = context.getEntityHolder(session.generateEntityKey(id, persister));
        if (holder != null && (holder.getEntity() != null || holder.getProxy() == null)) {
            return; // the session has its row already (another instance, or a load of it under way)
        }
        // a proxy the session made for the row (a lazy reference its load read) resolves to the instance once it
        // is registered, as it would had the session loaded the row itself
        EntityRef key = binding.root.key(owner.scope, session.getTenantIdentifierValue(), id);
        if (map.get(key) != target || target.getClass() != binding.mappedClass || owner.isMerging(target)
                || !(map.attachment(key, target) instanceof RowState row) || row.values == null
                || !map.claimExisting(key, target, owner, binding)) {
            return; // another open session owns it, it has pending edits, or it is not canonical any more
        }
        if (!Reattachment.prepare(binding, target, session)
                || !Reattachment.register(binding, target, id, row.values, session, LockMode.NONE)) {
            map.disown(key, owner);
            return;
        }
        owner.claimed(key);
        owner.tookOver();
        replaceReferencesBoundElsewhere(binding, target);
        walkValues(binding, target);
    }

    /**
     * Gives {@code instance}'s uninitialised references that another open session holds (one proxy can sit in
     * several canonical instances, and that session took over another of them) the session's own reference to the
     * same row, as a load of the instance's row would ({@link HitWrites#writeChanges}): the session can then
     * initialise them on its thread. An uninitialised reference gives way to another uninitialised reference to the
     * same row; the state does not change.
     */
    private void replaceReferencesBoundElsewhere(EntityBinding binding, Object instance) {
        Type[] types = binding.persister.getPropertyTypes();
        Object[] values = binding.persister.getValues(instance);
        for (int i = 0; i < types.length; i++) {
            if (types[i] instanceof EntityType && binding.isAssociation(i)) {
                LazyInitializer lazy = HibernateProxy.extractLazyInitializer(values[i]);
                if (lazy != null && lazy.isUninitialized() && !Reattachment.isFree(lazy.getSession(), session)) {
                    binding.persister.setValue(instance, i,
                            session.internalLoad(lazy.getEntityName(), lazy.getInternalIdentifier(), false, true));
                }
            }
        }
    }

    /**
     * Walks the elements and map keys of {@code collection} that are or hold entities. The persister's element and
     * index types are deprecated for removal but present in every supported line.
     */
    @SuppressWarnings("removal")
    private void walkEntries(CollectionPersister persister, PersistentCollection<?> collection) {
        Type elementType = persister.getElementType();
        Type indexType = persister.hasIndex() ? persister.getIndexType() : null;
        boolean elements = elementType.isAssociationType() || elementType instanceof CompositeType;
        boolean indexes = indexType != null && (indexType.isAssociationType() || indexType instanceof CompositeType);
        if (!elements && !indexes) {
            return;
        }
        int i = 0;
        for (Iterator<?> entries = collection.entries(persister); entries.hasNext(); i++) {
            Object entry = entries.next();
            if (elements) {
                walkValue(elementType, collection.getElement(entry));
            }
            if (indexes) {
                walkValue(indexType, collection.getIndex(entry, i, persister));
            }
        }
    }

    /** The instance {@code value} refers to if it is initialised; {@code null} for a proxy not initialised yet. */
    private static @Nullable Object initialisedTarget(Object value) {
        return Hibernate.isInitialized(value) ? StoreListeners.initialisedTarget(value) : null;
    }
}
