package io.github.canonicalstore.spring.boot;

import io.github.canonicalstore.CanonicalStore;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;

/**
 * Defines one {@link CanonicalStore} bean per {@link EntityManagerFactory} bean ({@code CanonicalStore.of(factory)}),
 * named by {@link EntityManagerFactoryNames#storeBeanName} and primary when its factory is.
 *
 * <p>The store beans are lazy: a factory that was not built with the store on (one that the application builds
 * without Spring Boot's customizers) has no store, and its bean fails, with a message naming the setting, only if
 * something asks for it. A bean of the same name that the application defines itself wins.
 *
 * <p>Runs when every bean definition is known and no bean has been created, as Spring Boot's
 * {@code EntityManagerFactoryDependsOnPostProcessor} does; it finds the factories by type without creating them.
 */
final class CanonicalStoreBeanRegistrar implements BeanFactoryPostProcessor {

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (!(beanFactory instanceof BeanDefinitionRegistry registry)) {
            return;
        }
        for (String factoryName : beanFactory.getBeanNamesForType(EntityManagerFactory.class, true, false)) {
            String storeName = EntityManagerFactoryNames.storeBeanName(factoryName);
            if (beanFactory.containsBeanDefinition(storeName)) {
                continue;
            }
            RootBeanDefinition store = new RootBeanDefinition(CanonicalStore.class,
                    () -> CanonicalStore.of(beanFactory.getBean(factoryName, EntityManagerFactory.class)));
            store.setLazyInit(true);
            store.setPrimary(beanFactory.getBeanDefinition(factoryName).isPrimary());
            registry.registerBeanDefinition(storeName, store);
        }
    }
}
