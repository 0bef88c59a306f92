package io.github.canonicalstore.internal.hibernate;

import io.github.canonicalstore.internal.store.Admission;
import io.github.canonicalstore.internal.store.Owner;
import org.hibernate.bytecode.enhance.spi.LazyPropertyInitializer;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.ManagedEntity;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.LazyInitializer;
import org.hibernate.type.CompositeType;
import org.hibernate.type.EntityType;
import org.hibernate.type.Type;
import org.jspecify.annotations.Nullable;

/**
 * What the store knows about one concrete entity persister: whether its instances are canonical, how to key them,
 * and how to tell whether an instance may be handed to a session. Computed once per persister, on its first load.
 * Immutable and thread-safe.
 */
final class EntityBinding implements Admission<Object> {
    /** In a snapshot: a property the store does not compare (a collection, or an association that is no entity). */
    static final Object UNTRACKED = new Object() {
        @Override
        public String toString() {
            return "UNTRACKED";
        }
    };

    @SuppressWarnings("DataFlowIssue") // PLAIN's fields are never read: isCanonical() is checked first
    static final EntityBinding PLAIN = new EntityBinding(null, null, null, Object.class, false);

    final HibernateCanonicalStore store;
    final EntityPersister persister;
    final RootIds root;
    final Class<?> mappedClass;
    final boolean enhancedForLazyLoading;
    /** For each to-one property, the persister of the entity it references; {@code null} elsewhere. */
    private final @Nullable EntityPersister @Nullable [] referenced;
    /** How {@link #snapshot} treats each property: {@link #VALUE}, {@link #REFERENCE} or {@link #SKIPPED}. */
    private final byte @Nullable [] plan;
    /** Which properties hold collections or entity references (directly or inside an embeddable). */
    private final boolean @Nullable [] associations;
    private final boolean hasAssociations;
    private final boolean keepsUnchangedRows;
    private static final byte VALUE = 0;
    private static final byte REFERENCE = 1;
    private static final byte SKIPPED = 2;

    EntityBinding(HibernateCanonicalStore store, EntityPersister persister, RootIds root, Class<?> mappedClass,
            boolean enhancedForLazyLoading) {
        this.store = store;
        this.persister = persister;
        this.root = root;
        this.mappedClass = mappedClass;
        this.enhancedForLazyLoading = enhancedForLazyLoading;
        this.referenced = persister == null ? null : referencedPersisters(persister);
        this.plan = persister == null ? null : snapshotPlan(persister);
        this.associations = persister == null ? null : associations(persister);
        boolean any = false;
        if (associations != null) {
            for (boolean association : associations) {
                any |= association;
            }
        }
        this.hasAssociations = any;
        this.keepsUnchangedRows = persister != null && store.settings().unchangedByVersion()
                && CanonicalEntityResult.SUPPORTED && UnchangedRows.covers(this);
    }

    /** @return whether loads hand out this entity's unchanged rows without hydrating them ({@link UnchangedRows}) */
    boolean keepsUnchangedRows() {
        return keepsUnchangedRows;
    }

    private static boolean[] associations(EntityPersister persister) {
        Type[] types = persister.getPropertyTypes();
        boolean[] associations = new boolean[types.length];
        for (int i = 0; i < types.length; i++) {
            associations[i] = types[i].isAssociationType() || containsAssociation(types[i]);
        }
        return associations;
    }

    /** @return whether some property holds a collection or an entity reference */
    boolean hasAssociations() {
        return hasAssociations;
    }

    /** @return whether property {@code i} holds a collection or an entity reference, or an embeddable with one */
    boolean isAssociation(int i) {
        return associations[i];
    }

    private static byte[] snapshotPlan(EntityPersister persister) {
        Type[] types = persister.getPropertyTypes();
        boolean[] checkable = persister.getPropertyCheckability();
        byte[] plan = new byte[types.length];
        for (int i = 0; i < types.length; i++) {
            if (!checkable[i]) {
                plan[i] = SKIPPED;
            } else if (types[i] instanceof EntityType) {
                plan[i] = REFERENCE;
            } else if (types[i].isAssociationType() || containsAssociation(types[i])) {
                plan[i] = SKIPPED; // a collection, or an embeddable holding entities: a copy would hold them strongly
            } else {
                plan[i] = VALUE;
            }
        }
        return plan;
    }

    private static @Nullable EntityPersister[] referencedPersisters(EntityPersister persister) {
        Type[] types = persister.getPropertyTypes();
        EntityPersister[] referenced = new EntityPersister[types.length];
        for (int i = 0; i < types.length; i++) {
            if (types[i] instanceof EntityType entityType) {
                referenced[i] = persister.getFactory().getMappingMetamodel()
                        .getEntityDescriptor(entityType.getAssociatedEntityName());
            }
        }
        return referenced;
    }

    boolean isCanonical() {
        return this != PLAIN;
    }

    /**
     * A live instance that the claimant does not own yet may not be taken over now if it is an enhanced entity
     * that a closing session has not finished detaching, if it has pending edits (SEMANTICS rule 4), or if the
     * claimant's transaction reads from a snapshot older than the instance's last commit (rule 2: the load would
     * write an older version into it).
     */
    @Override
    public boolean refuses(Object instance, @Nullable Object state, Owner claimant) {
        return isAttachedElsewhere(instance)
                || claimant instanceof SessionOwner session && session.mayReadOlderThan(RowState.committedAt(state))
                || hasPendingEdits(instance, state);
    }

    /**
     * An enhanced entity keeps its persistence-context bookkeeping in its own fields, and a closing session clears
     * them after it has let go of its instances ({@code SessionEventListener.end()} runs before the persistence
     * context is cleared). Until the last of those fields is cleared, no other session may attach the instance:
     * the closing session's writes would undo the new session's.
     */
    static boolean isAttachedElsewhere(Object instance) {
        return instance instanceof ManagedEntity managed
                && (managed.$$_hibernate_getEntityEntry() != null
                        || managed.$$_hibernate_getInstanceId() != 0
                        || managed.$$_hibernate_getPreviousManagedEntity() != null
                        || managed.$$_hibernate_getNextManagedEntity() != null);
    }

    /**
     * Whether {@code instance}'s state differs from its row's last committed state, compared property by property
     * with Hibernate's types (entity references by id, as Hibernate's dirty check does). A collection counts as
     * changed when Hibernate marked it dirty or it was replaced by another object. Lazy attributes not fetched are
     * skipped. An enhanced entity's dirty tracker is not consulted, not even as a fast negative: it reports attributes
     * written, also when they were written back to their committed value, and Hibernate clears it at every flush, so
     * an empty tracker does not mean committed state (a flush followed by a rollback, or by {@code clear()} while the
     * transaction still runs, leaves uncommitted values behind an empty tracker).
     */
    boolean hasPendingEdits(Object instance, @Nullable Object state) {
        Object[] committed = state instanceof RowState row ? row.values : null;
        return committed != null && firstDifference(persister.getValues(instance), committed, -1) >= 0;
    }

    /**
     * Whether the store compares and writes property {@code i}: what Hibernate's dirty check looks at. Synthetic
     * properties such as the {@code _identifierMapper} of an {@code @IdClass} entity (whose value is the entity
     * itself) are not.
     */
    boolean isTracked(int i) {
        return plan[i] != SKIPPED || persister.getPropertyCheckability()[i];
    }

    /**
     * Whether {@code instance} holds an edit, relative to its committed snapshot {@code state}, that
     * {@code committed} (a state just committed through another instance) does not contain: then writing
     * {@code committed} into it would lose that edit. The version is not compared.
     */
    boolean hasEditsOtherThan(Object instance, @Nullable Object state, Object[] committed) {
        Object[] before = state instanceof RowState row ? row.values : null;
        Object[] now = persister.getValues(instance);
        int version = versionIndex();
        for (int from = 0; ; from++) {
            int changed = firstDifference(now, committed, version, from);
            if (changed < 0) {
                return false;
            }
            boolean edited = before == null || firstDifference(now, before, version, changed) == changed;
            if (edited) {
                return true;
            }
            from = changed;
        }
    }

    /**
     * A snapshot of property values that holds no entity and no collection: entity references become their
     * identifier (or unique key), collections, other associations and untracked properties {@link #UNTRACKED},
     * other values deep copies.
     *
     * @param values the values, in property order
     * @param copied whether {@code values} are already deep copies that nobody changes, such as Hibernate's
     *     loaded state: then they are reused as they are
     */
    Object[] snapshot(Object[] values, boolean copied) {
        Type[] types = persister.getPropertyTypes();
        SessionFactoryImplementor factory = persister.getFactory();
        Object[] snapshot = copied ? values.clone() : new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            switch (plan[i]) {
                case SKIPPED -> snapshot[i] = UNTRACKED;
                case REFERENCE -> snapshot[i] = value == null || value == LazyPropertyInitializer.UNFETCHED_PROPERTY
                        ? value : referenceKey((EntityType) types[i], value, referenced[i]);
                default -> {
                    if (!copied) {
                        snapshot[i] = value == null || value == LazyPropertyInitializer.UNFETCHED_PROPERTY
                                ? value : types[i].deepCopy(value, factory);
                    }
                }
            }
        }
        return snapshot;
    }

    private static boolean containsAssociation(Type type) {
        if (type instanceof CompositeType composite) {
            for (Type part : composite.getSubtypes()) {
                if (part.isAssociationType() || containsAssociation(part)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The identifier (or referenced unique key) of an entity reference, without initialising a proxy. */
    private static Object referenceKey(EntityType type, Object value, EntityPersister target) {
        LazyInitializer lazy = HibernateProxy.extractLazyInitializer(value);
        if (!type.isReferenceToPrimaryKey()) {
            Object entity = lazy == null ? value : lazy.isUninitialized() ? null : lazy.getImplementation();
            return entity == null ? UNTRACKED : target.getPropertyValue(entity, type.getRHSUniqueKeyPropertyName());
        }
        if (lazy != null) {
            return lazy.getInternalIdentifier();
        }
        return target.getMappedClass().isInstance(value) ? target.getIdentifier(value) : value;
    }

    /**
     * The index of the first property whose current value differs from a state, skipping {@code ignored}. The
     * state may be a {@linkplain #snapshot snapshot} or a full state array: entity references compare by id either
     * way, and collections count as changed only when Hibernate marked them dirty or they were replaced by an
     * object that is not a Hibernate collection.
     *
     * @return the index, or -1 if they are equal
     */
    int firstDifference(Object[] current, Object[] state, int ignored) {
        return firstDifference(current, state, ignored, 0);
    }

    /** As {@link #firstDifference(Object[], Object[], int)}, from property {@code from} on. */
    int firstDifference(Object[] current, Object[] state, int ignored, int from) {
        Type[] types = persister.getPropertyTypes();
        SessionFactoryImplementor factory = persister.getFactory();
        for (int i = from; i < types.length; i++) {
            Object now = current[i];
            Object then = state[i];
            if (i == ignored || now == then || !isTracked(i)
                    || then == UNTRACKED && !types[i].isCollectionType()
                    || now == LazyPropertyInitializer.UNFETCHED_PROPERTY
                    || then == LazyPropertyInitializer.UNFETCHED_PROPERTY) {
                continue;
            }
            if (types[i].isCollectionType()) {
                if (isChangedCollection(now)) {
                    return i;
                }
            } else if (!types[i].isEqual(now, then, factory)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether a collection of {@code instance} was changed: marked dirty by Hibernate, or a plain one with elements. */
    boolean hasChangedCollection(Object instance) {
        Type[] types = persister.getPropertyTypes();
        Object[] values = persister.getValues(instance);
        for (int i = 0; i < types.length; i++) {
            if (types[i].isCollectionType() && values[i] != LazyPropertyInitializer.UNFETCHED_PROPERTY
                    && isChangedCollection(values[i])) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a collection value holds an edit: Hibernate marked its wrapper dirty, or it is a plain (not yet
     * Hibernate's) collection with elements.
     */
    private static boolean isChangedCollection(@Nullable Object value) {
        return value instanceof PersistentCollection<?> collection ? collection.isDirty() : isNonEmpty(value);
    }

    private static boolean isNonEmpty(@Nullable Object collection) {
        if (collection instanceof java.util.Collection<?> elements) {
            return !elements.isEmpty();
        }
        if (collection instanceof java.util.Map<?, ?> entries) {
            return !entries.isEmpty();
        }
        return collection != null;
    }

    /** Whether property {@code i} is a value the snapshot holds as a copy (not a reference, not skipped). */
    boolean isValue(int i) {
        return plan[i] == VALUE;
    }

    /**
     * The loaded state Hibernate should keep for {@code instance} if it took the instance over with its committed
     * state {@code committed} (a {@linkplain #snapshot snapshot}): values deep-copied from the snapshot, references
     * as the instance holds them when they name the committed row (otherwise a reference of the session's to the
     * committed row), collections and untracked properties as the instance holds them.
     */
    Object[] loadedState(Object instance, Object[] committed, SharedSessionContractImplementor session) {
        Type[] types = persister.getPropertyTypes();
        Object[] current = persister.getValues(instance);
        Object[] loaded = new Object[types.length];
        SessionFactoryImplementor factory = persister.getFactory();
        for (int i = 0; i < types.length; i++) {
            Object then = committed[i];
            Object now = current[i];
            if (then == UNTRACKED || plan[i] == SKIPPED || now == LazyPropertyInitializer.UNFETCHED_PROPERTY) {
                loaded[i] = now;
            } else if (plan[i] == REFERENCE && types[i] instanceof EntityType entityType) {
                if (then == null) {
                    loaded[i] = null;
                } else if (now != null && entityType.isReferenceToPrimaryKey()
                        && referenced[i].getIdentifierType().isEqual(referenceKey(entityType, now, referenced[i]),
                                then, factory)) {
                    loaded[i] = now;
                } else {
                    loaded[i] = session.internalLoad(entityType.getAssociatedEntityName(), then, false, true);
                }
            } else {
                loaded[i] = then == null ? null : types[i].deepCopy(then, factory);
            }
        }
        return loaded;
    }

    /** @return whether two versions are equal (both from this entity's version property) */
    boolean sameVersion(@Nullable Object a, @Nullable Object b) {
        return a == b || a != null && b != null && persister.getVersionJavaType().areEqual(a, b);
    }

    /** @return whether version {@code candidate} is older than {@code reference}; {@code false} if either is null */
    boolean isOlderVersion(@Nullable Object candidate, @Nullable Object reference) {
        return candidate != null && reference != null
                && persister.getVersionJavaType().getComparator().compare(candidate, reference) < 0;
    }

    /** @return the index of the version property, or -1 if the entity is not versioned */
    int versionIndex() {
        return persister.isVersioned() ? persister.getVersionPropertyIndex() : -1;
    }
}
