package io.github.canonicalstore.examples.web.diagnostics;

/**
 * A load that ran through a session on a thread other than the one that opened it: a request used another
 * request's session (through a lazy collection or proxy that a shared instance carried from it).
 *
 * @param entity the entity name and id that was loaded
 * @param sessionThread the thread that opened the session
 * @param loadingThread the thread that loaded through it
 */
public record ForeignSessionUse(String entity, String sessionThread, String loadingThread) {
}
