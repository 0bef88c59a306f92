package io.github.canonicalstore.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering of STYLE.md: the store compiles without Hibernate; the public API exposes no Hibernate SPI. */
@AnalyzeClasses(packages = "io.github.canonicalstore", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule storeDoesNotDependOnHibernate = noClasses()
            .that().resideInAPackage("io.github.canonicalstore.internal.store..")
            .should().dependOnClassesThat().resideInAnyPackage("org.hibernate..", "jakarta.persistence..");

    @ArchTest
    static final ArchRule publicApiDoesNotDependOnHibernate = noClasses()
            .that().resideInAnyPackage("io.github.canonicalstore", "io.github.canonicalstore.hibernate")
            .should().dependOnClassesThat().resideInAPackage("org.hibernate..");

    @ArchTest
    static final ArchRule storeDoesNotReachUp = noClasses()
            .that().resideInAPackage("io.github.canonicalstore.internal.store..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.github.canonicalstore", "io.github.canonicalstore.hibernate",
                    "io.github.canonicalstore.internal.hibernate..");
}
