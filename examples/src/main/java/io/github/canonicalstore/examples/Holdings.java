package io.github.canonicalstore.examples;

import io.github.canonicalstore.examples.chinook.ChinookEntity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts what a client holds: per entity type, how many distinct Java objects (by identity, {@code ==}) and how many
 * distinct rows (by id) its references point to.
 */
public final class Holdings {
    private final Map<Class<?>, Set<Object>> objects = new LinkedHashMap<>();
    private final Map<Class<?>, Set<Integer>> rows = new LinkedHashMap<>();
    private final List<ChinookEntity> references = new ArrayList<>();
    private long resultRows;

    /**
     * Counts the responses of one run.
     *
     * @param entityTypes the entity classes, in the order the report lists them
     * @param responses what the client kept
     */
    public Holdings(List<Class<?>> entityTypes, List<Response> responses) {
        for (Class<?> type : entityTypes) {
            objects.put(type, Collections.newSetFromMap(new IdentityHashMap<>()));
            rows.put(type, new HashSet<>());
        }
        for (Response response : responses) {
            resultRows += response.results().size();
            response.results().forEach(this::add);
            response.related().forEach(this::add);
        }
    }

    private void add(ChinookEntity entity) {
        references.add(entity);
        Set<Object> ofType = objects.get(entity.getClass());
        if (ofType == null) {
            throw new IllegalStateException("not one of the entity types (a proxy?): " + entity.getClass());
        }
        ofType.add(entity);
        rows.get(entity.getClass()).add(entity.getId());
    }

    /** @return the sum of the sizes of the requests' results */
    public long resultRows() {
        return resultRows;
    }

    /** @return every entity reference the client holds, results and related */
    public List<ChinookEntity> references() {
        return references;
    }

    /**
     * @param type an entity class
     * @return the distinct objects of that type the client holds
     */
    public int objects(Class<?> type) {
        return objects.get(type).size();
    }

    /**
     * @param type an entity class
     * @return the distinct rows of that type the client holds
     */
    public int rows(Class<?> type) {
        return rows.get(type).size();
    }

    /** @return the distinct objects of all types */
    public int objects() {
        return objects.values().stream().mapToInt(Set::size).sum();
    }

    /** @return the distinct rows of all types */
    public int rows() {
        return rows.values().stream().mapToInt(Set::size).sum();
    }
}
