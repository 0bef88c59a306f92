package io.github.canonicalstore.examples;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.openjdk.jol.vm.VM;
import org.openjdk.jol.vm.VirtualMachine;

/**
 * Measures the heap that a client's entities occupy: the sum of the sizes of every object reachable from them,
 * each counted once, with sizes and field values read by JOL (no reflective access into the JDK).
 *
 * <p>The walk stops at objects that exist independently of the client's holdings and would stay in memory without
 * them: classes, class loaders, modules, reflection objects, threads, references' referents, enum constants, and
 * Hibernate's own objects (sessions, metadata, types), except the per-entity proxy interceptors and persistent
 * collections, which belong to the entities.
 */
public final class HeapMeter {
    private final VirtualMachine vm;
    private final Map<Class<?>, long[]> referenceOffsets = new ConcurrentHashMap<>();

    private HeapMeter(VirtualMachine vm) {
        this.vm = vm;
    }

    /**
     * Starts JOL. It prints warnings about the JVM's attach and agent support to standard output; they do not
     * affect object sizes (JOL falls back to reading field offsets and the object layout with Unsafe), so they are
     * kept out of the report.
     *
     * @return a meter
     */
    public static HeapMeter create() {
        System.setProperty("jol.skipDynamicAttach", System.getProperty("jol.skipDynamicAttach", "true"));
        System.setProperty("jol.skipHotspotSAAttach", System.getProperty("jol.skipHotspotSAAttach", "true"));
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            return new HeapMeter(VM.current());
        } finally {
            System.setOut(out);
        }
    }

    /**
     * Sums the sizes of the objects reachable from {@code roots} (the roots included, the collection itself not).
     *
     * @param roots the objects the client holds
     * @return the total size in bytes
     */
    public long reachableBytes(Collection<?> roots) {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object> pending = new ArrayDeque<>();
        for (Object root : roots) {
            if (root != null && seen.add(root)) {
                pending.push(root);
            }
        }
        long bytes = 0;
        while (!pending.isEmpty()) {
            Object o = pending.pop();
            bytes += vm.sizeOf(o);
            Class<?> type = o.getClass();
            if (type.isArray()) {
                if (!type.getComponentType().isPrimitive()) {
                    for (Object element : (Object[]) o) {
                        visit(element, seen, pending);
                    }
                }
            } else {
                for (long offset : referenceOffsets.computeIfAbsent(type, this::offsets)) {
                    visit(vm.getObject(o, offset), seen, pending);
                }
            }
        }
        return bytes;
    }

    private static void visit(Object o, Set<Object> seen, Deque<Object> pending) {
        if (o != null && !isShared(o) && seen.add(o)) {
            pending.push(o);
        }
    }

    /** Objects that live independently of the entities that point to them. */
    private static boolean isShared(Object o) {
        if (o instanceof Class<?> || o instanceof ClassLoader || o instanceof Module || o instanceof AccessibleObject
                || o instanceof Thread || o instanceof Enum<?>) {
            return true;
        }
        String name = o.getClass().getName();
        return name.startsWith("org.hibernate.")
                && !name.startsWith("org.hibernate.proxy.")
                && !name.startsWith("org.hibernate.collection.");
    }

    /** The offsets of the reference fields of instances of {@code type}; none for references' referents. */
    private long[] offsets(Class<?> type) {
        List<Long> offsets = new ArrayList<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c == java.lang.ref.Reference.class) {
                continue; // referent, queue and next: the referent is not kept alive by the reference
            }
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && !field.getType().isPrimitive()) {
                    offsets.add(vm.fieldOffset(field));
                }
            }
        }
        return offsets.stream().mapToLong(Long::longValue).toArray();
    }
}
