package io.github.canonicalstore.examples.web.diagnostics;

import java.util.function.Supplier;
import org.hibernate.Interceptor;
import org.hibernate.cfg.SessionEventSettings;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Gives every Hibernate session a {@link SessionThreadGuard}. */
@Configuration(proxyBeanMethods = false)
public class DiagnosticsConfiguration {

    /**
     * @param uses where the guards report
     * @return a customizer that sets Hibernate's session-scoped interceptor to a new guard per session
     */
    @Bean
    public HibernatePropertiesCustomizer sessionThreadGuards(ForeignSessionUses uses) {
        Supplier<Interceptor> guards = () -> new SessionThreadGuard(uses);
        return properties -> properties.put(SessionEventSettings.SESSION_SCOPED_INTERCEPTOR, guards);
    }
}
