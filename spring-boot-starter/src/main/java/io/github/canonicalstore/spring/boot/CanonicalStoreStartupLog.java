package io.github.canonicalstore.spring.boot;

import io.github.canonicalstore.CanonicalStore;
import io.github.canonicalstore.hibernate.CanonicalStoreSettings;
import jakarta.persistence.EntityManagerFactory;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.SimpleAutowireCandidateResolver;

/**
 * Once every singleton exists, says for each EntityManagerFactory whether its store is on, and with which
 * {@code hibernate.canonical_store.*} settings: one INFO line per factory that has a store, a DEBUG line for one that
 * has none. The settings are the factory's own, so a value given through {@code spring.jpa.properties} shows too.
 */
final class CanonicalStoreStartupLog implements SmartInitializingSingleton {

    private static final Log LOG = LogFactory.getLog(CanonicalStoreStartupLog.class);

    private final ConfigurableListableBeanFactory beanFactory;

    CanonicalStoreStartupLog(ConfigurableListableBeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public void afterSingletonsInstantiated() {
        SimpleAutowireCandidateResolver.resolveAutowireCandidates(beanFactory, EntityManagerFactory.class)
                .forEach(this::report);
    }

    private void report(String beanName, EntityManagerFactory factory) {
        if (!hasStore(factory)) {
            LOG.debug("Canonical store off for EntityManagerFactory '" + beanName + "'");
            return;
        }
        String settings = new TreeMap<>(factory.getProperties()).entrySet().stream()
                .filter(setting -> setting.getKey().startsWith(CanonicalStoreSettings.PREFIX))
                .map(setting -> setting.getKey() + "=" + setting.getValue())
                .collect(Collectors.joining(", "));
        LOG.info("Canonical store on for EntityManagerFactory '" + beanName + "': " + settings);
    }

    private static boolean hasStore(EntityManagerFactory factory) {
        try {
            CanonicalStore.of(factory);
            return true;
        } catch (IllegalStateException | IllegalArgumentException notEnabled) {
            return false;
        }
    }
}
