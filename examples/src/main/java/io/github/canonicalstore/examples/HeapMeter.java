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
 * Measures the heap that some roots keep alive: the sum of the shallow sizes (read by JOL, with no reflective access
 * into the JDK) of every object reachable from them, each counted once. Used by the demo for a client's entities and
 * by the benchmarks' memory part (which adds exclusions).
 *
 * <p>The walk does not enter objects that live independently of the roots and would stay in memory without them:
 * classes, class loaders, modules, reflection objects, threads, enum constants, the referents of
 * {@link java.lang.ref.Reference}s (they are not kept alive by them), Hibernate's own objects (sessions, persisters,
 * types) except its proxy interceptors and persistent collections, which belong to entities, EclipseLink's objects,
 * and any object the caller excludes.
 *
 * <p>Thread-safe: walks may run concurrently on one meter, each with its own {@code seen} set.
 */
public final class HeapMeter {
    private final VirtualMachine vm;
    private final Map<Class<?>, long[]> referenceOffsets = new ConcurrentHashMap<>();

    private HeapMeter(VirtualMachine vm) {
        this.vm = vm;
    }

    /**
     * Starts JOL. It prints warnings about the JVM's attach and agent support to standard output; they do not affect
     * object sizes (JOL falls back to reading field offsets and the object layout with Unsafe), so they are kept out
     * of the caller's output.
     *
     * @return a meter
     */
    public static HeapMeter create() {
        System.setProperty("jol.skipDynamicAttach", System.getProperty("jol.skipDynamicAttach", "true"));
        System.setProperty("jol.skipHotspotSAAttach", System.getProperty("jol.skipHotspotSAAttach", "true"));
        // Unsafe refuses the field offsets of hidden classes (lambdas, such as the store's callbacks): JOL then
        // finds them its own way.
        System.setProperty("jol.magicFieldOffset", System.getProperty("jol.magicFieldOffset", "true"));
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            return new HeapMeter(VM.current());
        } finally {
            System.setOut(out);
        }
    }

    /**
     * Bytes and objects reached by a walk.
     *
     * @param bytes the sum of the objects' shallow sizes, in bytes
     * @param objects how many objects were counted
     */
    public record Footprint(long bytes, long objects) {
    }

    /**
     * Sums the sizes of the objects reachable from {@code roots} (the roots included, the collection itself not).
     *
     * @param roots the objects the client holds; {@code null} elements are skipped
     * @return the total size in bytes
     */
    public long reachableBytes(Collection<?> roots) {
        return walk(roots, Set.of()).bytes();
    }

    /**
     * Walks from {@code roots}, the roots included.
     *
     * @param roots where to start; {@code null} elements are skipped
     * @param excluded objects not to count or enter (compared by identity)
     * @return what was reached
     */
    public Footprint walk(Collection<?> roots, Set<Object> excluded) {
        return walk(roots, excluded, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /**
     * Walks from {@code roots}, the roots included, and collects what it reached.
     *
     * @param roots where to start; {@code null} elements are skipped
     * @param excluded objects not to count or enter (compared by identity)
     * @param seen an empty identity set; receives every object counted
     * @return what was reached
     */
    public Footprint walk(Collection<?> roots, Set<Object> excluded, Set<Object> seen) {
        Deque<Object> pending = new ArrayDeque<>();
        for (Object root : roots) {
            if (root != null && !excluded.contains(root) && seen.add(root)) {
                pending.push(root);
            }
        }
        long bytes = 0;
        long objects = 0;
        while (!pending.isEmpty()) {
            Object o = pending.pop();
            bytes += vm.sizeOf(o);
            objects++;
            Class<?> type = o.getClass();
            if (type.isArray()) {
                if (!type.getComponentType().isPrimitive()) {
                    for (Object element : (Object[]) o) {
                        visit(element, seen, excluded, pending);
                    }
                }
            } else {
                for (long offset : referenceOffsets.computeIfAbsent(type, this::offsets)) {
                    visit(vm.getObject(o, offset), seen, excluded, pending);
                }
            }
        }
        return new Footprint(bytes, objects);
    }

    private static void visit(Object o, Set<Object> seen, Set<Object> excluded, Deque<Object> pending) {
        if (o != null && !isShared(o) && !excluded.contains(o) && seen.add(o)) {
            pending.push(o);
        }
    }

    /** Objects that live independently of whatever points to them. */
    private static boolean isShared(Object o) {
        if (o instanceof Class<?> || o instanceof ClassLoader || o instanceof Module || o instanceof AccessibleObject
                || o instanceof Thread || o instanceof Enum<?>) {
            return true;
        }
        String name = o.getClass().getName();
        return name.startsWith("org.eclipse.persistence.")
                || name.startsWith("org.hibernate.")
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
