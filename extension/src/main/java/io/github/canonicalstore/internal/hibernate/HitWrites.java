package io.github.canonicalstore.internal.hibernate;

import org.hibernate.bytecode.enhance.spi.LazyPropertyInitializer;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.type.EntityType;
import org.hibernate.type.Type;
import org.jspecify.annotations.Nullable;

/**
 * Writes the row a load read into the canonical instance it handed out (a hit), property by property and only what
 * changed (SEMANTICS rules 2 and 11), and afterwards puts back what a concurrent reader's enhanced getter undid.
 * Split from {@link EntityBinding}, which knows the entity's properties; this is the load path's use of them.
 *
 * <p>Stateless; runs on the loading thread.
 */
final class HitWrites {
    private HitWrites() {
    }

    /**
     * Writes a row's state, as Hibernate loaded it into {@code values}, into {@code instance}, a canonical instance
     * that the load handed out unchanged by the session (a hit), writing only what the row changed (SEMANTICS rules 2
     * and 11):
     * <ul>
     *   <li>a row older than the instance ({@code @Version} lower) changes nothing: the instance keeps its newer
     *       state, which becomes the loaded state;
     *   <li>a basic or embedded value is written only if it differs;
     *   <li>an entity reference to the row the instance already references keeps the instance's reference (a
     *       canonical instance, initialised or not, or a proxy {@link Reattachment} bound to the session);
     *   <li>a collection is the instance's own, which Hibernate found reattached to the session; an instance
     *       without one there (none, or one that a delete left unreferenced) gets the loaded one;
     *   <li>a lazy attribute that the load did not fetch keeps the value the instance has.
     * </ul>
     * Then {@code values} holds what the instance holds, which Hibernate records as the session's loaded state.
     * Properties are written one by one, so that a thread reading the instance meanwhile sees each property's old or
     * new value.
     *
     * @param instance the canonical instance
     * @param values the state loaded from the row, in property order; updated in place
     * @return whether anything was written into the instance
     */
    static boolean writeChanges(EntityBinding binding, Object instance, Object[] values) {
        EntityPersister persister = binding.persister;
        Type[] types = persister.getPropertyTypes();
        Object[] current = persister.getValues(instance);
        int version = binding.versionIndex();
        if (version >= 0 && binding.isOlderVersion(values[version], current[version])) {
            System.arraycopy(current, 0, values, 0, values.length);
            return false;
        }
        SessionFactoryImplementor factory = persister.getFactory();
        boolean changed = false;
        for (int i = 0; i < types.length; i++) {
            Object value = values[i];
            Object now = current[i];
            if (value == now) {
                continue;
            }
            if (value == LazyPropertyInitializer.UNFETCHED_PROPERTY) {
                values[i] = now; // not read by this load: the instance keeps what it has
            } else if (types[i] instanceof EntityType entityType) {
                if (sameReference(entityType, now, value, factory)) {
                    values[i] = now;
                } else {
                    persister.setValue(instance, i, value);
                    // an uninitialised reference the session could not take gave way to its own for the same row
                    changed |= now == null || value == null || !entityType.isEqual(now, value, factory);
                }
            } else if (types[i].isCollectionType()) {
                // not the instance's own collection, which Hibernate would have found reattached: the instance has
                // none (or one that a delete or a replacement left unreferenced), so it gets the loaded one
                persister.setValue(instance, i, value);
                changed = true;
            } else if (now == LazyPropertyInitializer.UNFETCHED_PROPERTY || !types[i].isEqual(now, value, factory)) {
                persister.setValue(instance, i, value);
                changed = true;
            }
        }
        return changed;
    }

    /**
     * Puts back what a load wrote into {@code instance} where another thread's read undid it. A bytecode-enhanced
     * entity's generated getter writes the value it read back into the field ({@code this.x = interceptor
     * .readObject(this, "x", this.x)}): a thread that reads a canonical instance while a load writes a changed row
     * into it can put an old value back. Called once the load has finished, for an instance the load changed: every
     * property whose value differs from the session's loaded state, and that the application has not written since
     * (the dirty tracker knows), gets the loaded value again. A reader that overlaps even this can still put one old
     * value back; the next load of the row writes it again (README, Limitations).
     */
    static void repairReadBacks(EntityBinding binding, Object instance, SharedSessionContractImplementor session) {
        EntityPersister persister = binding.persister;
        if (!(instance instanceof org.hibernate.engine.spi.PersistentAttributeInterceptable)
                || !(instance instanceof org.hibernate.engine.spi.SelfDirtinessTracker tracker)) {
            return; // plain getters read without writing
        }
        org.hibernate.engine.spi.EntityEntry entry = session.getPersistenceContextInternal().getEntry(instance);
        Object[] loaded = entry == null ? null : entry.getLoadedState();
        if (loaded == null) {
            return;
        }
        Type[] types = persister.getPropertyTypes();
        String[] names = persister.getPropertyNames();
        Object[] current = persister.getValues(instance);
        SessionFactoryImplementor factory = persister.getFactory();
        boolean editedBefore = tracker.$$_hibernate_hasDirtyAttributes();
        for (int i = 0; i < types.length; i++) {
            if (binding.isValue(i) && current[i] != LazyPropertyInitializer.UNFETCHED_PROPERTY
                    && loaded[i] != LazyPropertyInitializer.UNFETCHED_PROPERTY
                    && !types[i].isEqual(current[i], loaded[i], factory)
                    && !java.util.Arrays.asList(tracker.$$_hibernate_getDirtyAttributes()).contains(names[i])) {
                persister.setValue(instance, i, types[i].deepCopy(loaded[i], factory));
            }
        }
        if (!editedBefore) {
            tracker.$$_hibernate_clearDirtyAttributes(); // these writes restore the loaded state: no edits
        }
    }

    /**
     * Whether {@code now}, the instance's reference, stands for the same row as {@code loaded} and may stay: an
     * initialised reference to the same row stays (rule 11); an uninitialised one that the load did not find bound
     * to its session (it is still bound to another session) gives way to the load's own.
     */
    private static boolean sameReference(EntityType type, @Nullable Object now, @Nullable Object loaded,
            SessionFactoryImplementor factory) {
        if (now == null || loaded == null) {
            return now == loaded;
        }
        if (!org.hibernate.Hibernate.isInitialized(now)) {
            return false; // the load's own reference (uninitialised or not) replaces one bound elsewhere
        }
        return type.isEqual(now, loaded, factory);
    }
}
