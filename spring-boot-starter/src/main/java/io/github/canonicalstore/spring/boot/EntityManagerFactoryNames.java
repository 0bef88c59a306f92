package io.github.canonicalstore.spring.boot;

import org.springframework.util.StringUtils;

/** Names derived from an EntityManagerFactory's bean name, the way Spring Boot derives them for Hibernate's meters. */
final class EntityManagerFactoryNames {

    private static final String SUFFIX = "entityManagerFactory";

    private EntityManagerFactoryNames() {
    }

    /**
     * The tag value Spring Boot gives Hibernate's meters of the factory: the bean name without a trailing
     * {@code entityManagerFactory}, so {@code ordersEntityManagerFactory} is {@code orders}, while
     * {@code entityManagerFactory} itself stays as it is.
     */
    static String metricsName(String beanName) {
        if (beanName.length() > SUFFIX.length() && StringUtils.endsWithIgnoreCase(beanName, SUFFIX)) {
            return beanName.substring(0, beanName.length() - SUFFIX.length());
        }
        return beanName;
    }

    /**
     * The name of the factory's {@code CanonicalStore} bean: {@code canonicalStore} for the factory Spring Boot
     * builds ({@code entityManagerFactory}), {@code ordersCanonicalStore} for {@code ordersEntityManagerFactory} and
     * {@code reportingCanonicalStore} for {@code reporting}.
     */
    static String storeBeanName(String beanName) {
        if (beanName.equals(SUFFIX)) {
            return "canonicalStore";
        }
        return metricsName(beanName) + "CanonicalStore";
    }
}
