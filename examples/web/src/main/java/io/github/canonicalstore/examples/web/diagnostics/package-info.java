/**
 * What the load test reads besides the pages: the canonical store's statistics ({@code GET /store/statistics}) and
 * what went wrong inside the server ({@code GET /diagnostics}): exceptions that escaped a request, and loads that
 * ran through a Hibernate session on a thread other than the one that opened it.
 */
package io.github.canonicalstore.examples.web.diagnostics;
