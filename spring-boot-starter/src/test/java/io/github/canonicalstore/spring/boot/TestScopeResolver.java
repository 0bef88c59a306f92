package io.github.canonicalstore.spring.boot;

import io.github.canonicalstore.CanonicalScopeResolver;
import org.jspecify.annotations.Nullable;

/** A resolver that {@code canonical-store.scope} can name by class. */
public class TestScopeResolver implements CanonicalScopeResolver {

    @Override
    public @Nullable Object currentScope() {
        return null;
    }
}
