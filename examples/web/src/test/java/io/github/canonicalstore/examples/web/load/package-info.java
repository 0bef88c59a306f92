/**
 * The load test of the web example (issue #10): many clients over real HTTP on loopback, each page compared with
 * the renderings that committed states allow. {@link io.github.canonicalstore.examples.web.load.WebLoadTest} is the
 * short mode that {@code ./mvnw verify} runs; {@link io.github.canonicalstore.examples.web.load.LoadMain} the long
 * one.
 */
package io.github.canonicalstore.examples.web.load;
