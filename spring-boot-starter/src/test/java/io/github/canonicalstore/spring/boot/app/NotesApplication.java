package io.github.canonicalstore.spring.boot.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A Spring Boot application with the starter on its class path, as a user would write it. */
@SpringBootApplication
public class NotesApplication {
}
