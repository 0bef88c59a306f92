package io.github.canonicalstore.internal.hibernate;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SessionFactory build fails on a Hibernate ORM line the store does not support, with a message that names the
 * running version and the supported lines, instead of a {@code NoClassDefFoundError} at the first session.
 */
class StoreContributorTest {

    @ParameterizedTest
    @ValueSource(strings = {"7.2.19.Final", "7.3.7.Final", "7.4.15.Final", "7.4.0-SNAPSHOT"})
    void supportedLinesPass(String version) {
        assertThatCode(() -> StoreContributor.requireSupportedHibernate(version)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"7.1.17.Final", "6.6.30.Final", "8.0.0.Final", "7.10.0.Final", "seven"})
    void otherVersionsFailWithTheVersionAndTheSupportedLines(String version) {
        assertThatThrownBy(() -> StoreContributor.requireSupportedHibernate(version))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("this is Hibernate ORM " + version)
                .hasMessageContaining("supports Hibernate ORM 7.2, 7.3 and 7.4")
                .hasMessageContaining("hibernate.canonical_store.enabled=false");
    }
}
