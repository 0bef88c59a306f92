package io.github.canonicalstore.internal.hibernate;

import io.github.canonicalstore.internal.store.CanonicalMap;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
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
 * <p>It runs in two steps. Before a hit is handed out ({@link LoadPath#instantiate}), {@link #claimReachable} claims
 * for the session everything the hit reaches, and refuses the hit if one of them cannot be taken over: another open
 * session owns it or its collections, it has pending edits, it is not canonical, or the session holds another
 * instance of its row. Plain Hibernate would have loaded that row in the session, so the session gets a private
 * instance of the hit's row instead (rules 3 and 4), and loads its graph itself. Once the load has finished
 * ({@link LoadPath#afterLoad}), after every row the load read has been written into its instance (rule 2),
 * {@link #takeOverReachable} registers the claimed instances with the session. An instance the session holds
 * already (because the load read its row, say) ends the walk there. One that can no longer be taken over at that
 * point (a race the claims make rare) is left as it is, and so is what lies beyond it.
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
    /** In the claim step, the keys this walk claimed (let go of again if the hit is refused); else {@code null}. */
    private @Nullable List<EntityRef> claims;

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

    /**
     * Claims for the session every canonical instance that {@code hit}, a canonical instance the session has just
     * claimed and not prepared yet, reaches through initialised associations (and what those reach in turn). The
     * caller then {@linkplain #keepClaims keeps} or {@linkplain #letGoOfClaims lets go of} the claims.
     *
     * @return whether it could claim them all; if not, the claims this call made are let go of again, and the
     *     session must not have {@code hit}
     */
    boolean claimReachable(EntityBinding binding, Object hit) {
        claims = new ArrayList<>();
        seen = new IdentityHashMap<>();
        seen.put(hit, Boolean.TRUE); // a way back to the hit ends there
        if (walkValues(binding, hit)) {
            return true;
        }
        letGoOfClaims();
        return false;
    }

    /** The session has the hit: the claims {@link #claimReachable} made are the session's until it lets go. */
    void keepClaims() {
        List<EntityRef> made = Objects.requireNonNull(claims);
        claims = null;
        made.forEach(owner::claimed);
    }

    /** The session does not have the hit after all: lets go of the claims {@link #claimReachable} made. */
    void letGoOfClaims() {
        List<EntityRef> made = Objects.requireNonNull(claims);
        claims = null;
        made.forEach(key -> map.disown(key, owner));
    }

    /** @return {@code false} if the claim step met an instance it could not claim (the walk stops there) */
    private boolean walkValues(EntityBinding binding, Object instance) {
        if (!binding.hasAssociations()) {
            return true;
        }
        Type[] types = binding.persister.getPropertyTypes();
        Object[] values = binding.persister.getValues(instance);
        for (int i = 0; i < types.length; i++) {
            if (binding.isAssociation(i) && !walkValue(types[i], values[i])) {
                return false;
            }
        }
        return true;
    }

    private boolean walkValue(Type type, @Nullable Object value) {
        if (value == null || value == LazyPropertyInitializer.UNFETCHED_PROPERTY) {
            return true;
        }
        if (type instanceof CollectionType collectionType) {
            if (value instanceof PersistentCollection<?> collection && collection.wasInitialized()
                    && collection.getKey() != null && !collection.isUnreferenced()) {
                return walkEntries(Reattachment.persister(collectionType, session), collection);
            }
        } else if (type instanceof EntityType || type instanceof AnyType) {
            Object target = initialisedTarget(value); // an @Any reference's target may be of any entity type
            if (target != null) {
                if (claims == null) {
                    takeOver(target);
                } else {
                    return claim(target);
                }
            }
        } else if (type instanceof ComponentType composite) {
            Type[] parts = composite.getSubtypes();
            Object[] partValues = composite.getPropertyValues(value);
            for (int i = 0; i < parts.length; i++) {
                if (!walkValue(parts[i], partValues[i])) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The claim step for one reachable initialised instance: claims it for the session, without registering it,
     * and then what it reaches.
     *
     * @return {@code false} if the session cannot take it over
     */
    private boolean claim(Object target) {
        if (context.isEntryFor(target) || Objects.requireNonNull(seen).put(target, Boolean.TRUE) != null) {
            return true; // the session manages it, or the walk met it already
        }
        EntityPersister persister = session.getFactory().getMappingMetamodel().findEntityDescriptor(target.getClass());
        EntityBinding binding = persister == null ? null : store.bindingOf(persister);
        if (binding == null) {
            return true; // not an entity of a canonical store: Hibernate treats it as plain Hibernate would
        }
        Object id = persister.getIdentifier(target, session);
        if (id == null) {
            return false;
        }
        EntityHolder holder = context.getEntityHolder(session.generateEntityKey(id, persister));
        if (holder != null && holder.getEntity() != null) {
            return holder.getEntity() == target; // the session holds another instance of the row
        }
        if (holder != null && holder.getProxy() == null) {
            return true; // the load reads the row: it claims it as a row of its own
        }
        EntityRef key = binding.root.key(owner.scope, session.getTenantIdentifierValue(), id);
        boolean ownedAlready = map.owner(key) == owner;
        if (map.get(key) != target || target.getClass() != binding.mappedClass || owner.isMerging(target)
                || !(map.attachment(key, target) instanceof RowState row)) {
            return false;
        }
        if (row.values == null) {
            // a StatelessSession read it: its committed state is not known, so no session can take it over as it
            // is; a load of its own row is what gives it a snapshot (left as it is, as before any snapshot)
            return true;
        }
        if (!map.claimExisting(key, target, owner, binding)) {
            return false;
        }
        if (!ownedAlready) {
            Objects.requireNonNull(claims).add(key);
        }
        return Reattachment.canPrepare(binding, target, session) && walkValues(binding, target);
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
    private boolean walkEntries(CollectionPersister persister, PersistentCollection<?> collection) {
        Type elementType = persister.getElementType();
        Type indexType = persister.hasIndex() ? persister.getIndexType() : null;
        boolean elements = elementType.isAssociationType() || elementType instanceof CompositeType;
        boolean indexes = indexType != null && (indexType.isAssociationType() || indexType instanceof CompositeType);
        if (!elements && !indexes) {
            return true;
        }
        int i = 0;
        for (Iterator<?> entries = collection.entries(persister); entries.hasNext(); i++) {
            Object entry = entries.next();
            if (elements && !walkValue(elementType, collection.getElement(entry))
                    || indexes && !walkValue(indexType, collection.getIndex(entry, i, persister))) {
                return false;
            }
        }
        return true;
    }

    /** The instance {@code value} refers to if it is initialised; {@code null} for a proxy not initialised yet. */
    private static @Nullable Object initialisedTarget(Object value) {
        return Hibernate.isInitialized(value) ? StoreListeners.initialisedTarget(value) : null;
    }
}
