package io.github.canonicalstore.internal.hibernate;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import org.jspecify.annotations.Nullable;

/**
 * JDK Flight Recorder events (category "canonical-store") for the moments where sharing is lost or state is put
 * back: a load that got a private instance, a committed state that could not reach its canonical instance, a
 * rollback that restored one, and an entry released after its instance was collected. A recording shows where and
 * why instances stop being shared; an event costs one check while recording is off. Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class FlightEvents {
    FlightEvents() {
    }

    void isolation(EntityBinding binding, EntityRef key) {
        IsolationEvent event = new IsolationEvent();
        if (event.isEnabled()) {
            fill(event, binding.persister.getEntityName(), key);
            event.commit();
        }
    }

    void conflict(EntityBinding binding, EntityRef key) {
        ConflictEvent event = new ConflictEvent();
        if (event.isEnabled()) {
            fill(event, binding.persister.getEntityName(), key);
            event.commit();
        }
    }

    void restore(EntityBinding binding, EntityRef key) {
        RestoreEvent event = new RestoreEvent();
        if (event.isEnabled()) {
            fill(event, binding.persister.getEntityName(), key);
            event.commit();
        }
    }

    void release(Class<?> entityClass, EntityRef key) {
        ReleaseEvent event = new ReleaseEvent();
        if (event.isEnabled()) {
            fill(event, entityClass.getName(), key);
            event.commit();
        }
    }

    private static void fill(RowEvent event, String entity, EntityRef key) {
        event.entity = entity;
        event.id = String.valueOf(key.id);
        event.tenant = key.tenantId == null ? null : String.valueOf(key.tenantId);
        event.scope = key.scope == null ? null : String.valueOf(key.scope);
    }

    /** The row an event is about. */
    @Category("canonical-store")
    abstract static class RowEvent extends Event {
        @Label("Entity")
        @Nullable String entity;
        @Label("Identifier")
        @Nullable String id;
        @Label("Tenant")
        @Nullable String tenant;
        @Label("Scope")
        @Nullable String scope;
    }

    /** A load handed out a private instance instead of the canonical one (rules 3 and 4). */
    @Name("io.github.canonicalstore.Isolation")
    @Label("Private Instance")
    @Description("A load got a private instance: another open session owns the canonical one, or it has pending "
            + "edits or a newer committed state than the load's statement")
    public static final class IsolationEvent extends RowEvent {
    }

    /** A committed state could not be written into its canonical instance (rule 5). */
    @Name("io.github.canonicalstore.Conflict")
    @Label("Conflict")
    @Description("Committed state did not reach the canonical instance: an open session owns it or it has pending "
            + "edits")
    public static final class ConflictEvent extends RowEvent {
    }

    /** A rollback put a canonical instance back to its committed state (rule 6). */
    @Name("io.github.canonicalstore.Restore")
    @Label("Restore")
    @Description("A rollback put a canonical instance back to its row's committed state")
    public static final class RestoreEvent extends RowEvent {
    }

    /** An entry was removed after its canonical instance was garbage-collected (rule 7). */
    @Name("io.github.canonicalstore.Release")
    @Label("Release")
    @Description("An entry was removed after its canonical instance was garbage-collected")
    @StackTrace(false)
    public static final class ReleaseEvent extends RowEvent {
    }
}
