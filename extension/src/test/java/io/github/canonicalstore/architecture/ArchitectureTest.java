package io.github.canonicalstore.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of STYLE.md: the store compiles without Hibernate; the public API exposes no Hibernate SPI; the
 * optional integrations (Micrometer, servlet) are built on the public API alone. Plain JUnit tests that check each
 * rule against the imported main classes (ArchUnit's own JUnit engine was not discovered next to Jupiter's here).
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.github.canonicalstore");
    }

    private static final ArchRule storeDoesNotDependOnHibernate = noClasses()
            .that().resideInAPackage("io.github.canonicalstore.internal.store..")
            .should().dependOnClassesThat().resideInAnyPackage("org.hibernate..", "jakarta.persistence..");

    private static final ArchRule publicApiDoesNotDependOnHibernate = noClasses()
            .that().resideInAnyPackage("io.github.canonicalstore", "io.github.canonicalstore.hibernate")
            .should().dependOnClassesThat().resideInAPackage("org.hibernate..");

    private static final ArchRule storeDoesNotReachUp = noClasses()
            .that().resideInAPackage("io.github.canonicalstore.internal.store..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.github.canonicalstore", "io.github.canonicalstore.hibernate",
                    "io.github.canonicalstore.internal.hibernate..");

    private static final ArchRule integrationsUseThePublicApiOnly = noClasses()
            .that().resideInAnyPackage("io.github.canonicalstore.micrometer..", "io.github.canonicalstore.servlet..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.github.canonicalstore.internal..", "org.hibernate..", "jakarta.persistence..");

    @Test
    void theStoreDoesNotDependOnHibernate() {
        storeDoesNotDependOnHibernate.check(classes);
    }

    @Test
    void thePublicApiDoesNotDependOnHibernate() {
        publicApiDoesNotDependOnHibernate.check(classes);
    }

    @Test
    void theStoreDoesNotReachUp() {
        storeDoesNotReachUp.check(classes);
    }

    @Test
    void theIntegrationsUseThePublicApiOnly() {
        integrationsUseThePublicApiOnly.check(classes);
    }
}
