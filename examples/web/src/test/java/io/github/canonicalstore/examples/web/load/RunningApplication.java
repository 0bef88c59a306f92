package io.github.canonicalstore.examples.web.load;

import io.github.canonicalstore.examples.web.WebSampleApplication;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The web example started in this JVM on a random loopback port, in one configuration; closing it stops it.
 * Each start reloads the Chinook data, so every run begins with the same rows.
 */
public final class RunningApplication implements AutoCloseable {
    private final ConfigurableApplicationContext context;
    private final URI base;

    private RunningApplication(ConfigurableApplicationContext context, URI base) {
        this.context = context;
        this.base = base;
    }

    /**
     * Starts the application.
     *
     * @param configuration the store and OSIV settings
     * @param database the database
     * @return the running application
     */
    public static RunningApplication start(LoadConfiguration configuration, Database database) {
        List<String> arguments = new ArrayList<>(configuration.arguments());
        arguments.addAll(database.arguments());
        arguments.add("--server.address=127.0.0.1");
        arguments.add("--server.port=0");
        // A pool whose connections leak shows as errors in seconds, not in the default half minute per request.
        arguments.add("--spring.datasource.hikari.connection-timeout=5000");
        arguments.add("--logging.level.root=WARN");
        // The container and Thymeleaf log every failed request with its stack trace; /diagnostics counts them.
        arguments.add("--logging.level.org.apache.catalina.core=OFF");
        arguments.add("--logging.level.org.thymeleaf.TemplateEngine=OFF");
        SpringApplication application = new SpringApplication(WebSampleApplication.class);
        application.setRegisterShutdownHook(false);
        ConfigurableApplicationContext context = application.run(arguments.toArray(String[]::new));
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new RunningApplication(context, URI.create("http://127.0.0.1:" + port + "/"));
    }

    /** @return the application's address, {@code http://127.0.0.1:port/} */
    public URI base() {
        return base;
    }

    /** @return a new client with a cookie jar of its own */
    public PageClient newClient() {
        return new PageClient(base);
    }

    @Override
    public void close() {
        context.close();
    }
}
