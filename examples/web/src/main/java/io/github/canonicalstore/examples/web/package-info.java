/**
 * The web example of canonical-store-hibernate (issue #10, safe sharing in multi-user servers): a Spring Boot MVC
 * application on the Chinook data whose Thymeleaf pages render entities loaded by {@code @Transactional} services,
 * with the canonical store on. Start it with {@code ./mvnw -q -Pweb -pl examples/web -am verify}.
 */
package io.github.canonicalstore.examples.web;
