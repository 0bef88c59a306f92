package io.github.canonicalstore.examples.web;

import io.github.canonicalstore.examples.chinook.Artist;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;

/**
 * The web example: a Spring Boot MVC application on the Chinook data, pages rendered by Thymeleaf straight from
 * the entities, with the canonical store switched on by {@code canonical-store.enabled} (the starter's property).
 * See {@code examples/web/README.md}.
 */
@SpringBootApplication
@EntityScan(basePackageClasses = Artist.class)
public class WebSampleApplication {

    /**
     * Starts the application.
     *
     * @param args Spring Boot arguments, such as {@code --spring.profiles.active=osiv-on} or
     *     {@code --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test}
     */
    public static void main(String[] args) {
        SpringApplication.run(WebSampleApplication.class, args);
    }
}
