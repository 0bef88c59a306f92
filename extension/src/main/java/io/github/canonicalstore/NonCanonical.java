package io.github.canonicalstore;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Opts an entity class, and its entity subclasses, out of the canonical store: its instances load as in plain
 * Hibernate, one per session. The same as naming the entity in
 * {@link io.github.canonicalstore.hibernate.CanonicalStoreSettings#EXCLUDE}.
 *
 * <p>Use it for entities that are loaded in bulk and never shared, or whose instances must stay private to a
 * session (for example, rows that a batch job edits in place).
 *
 * @since 0.1.0
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface NonCanonical {
}
