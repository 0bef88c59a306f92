package io.github.canonicalstore.examples.web.load;

import java.util.List;

/**
 * The configurations the load test runs the application in, one after the other. In the factory scope an edit
 * bound into a canonical instance and not committed shows to every client by design (SEMANTICS rule 12: one scope
 * is right for one user); the client scope gives each HTTP session its own instances, so there it must not.
 */
public enum LoadConfiguration {
    /** Plain Hibernate: the baseline every page must match. */
    STORE_OFF("store off, OSIV off", false, "osiv-off"),
    /** The store on, one scope for the whole factory, sessions closed before rendering. */
    FACTORY_SCOPE_OSIV_OFF("store on, factory scope, OSIV off", true, "osiv-off"),
    /** The store on, one scope for the whole factory, a session open until the page is rendered. */
    FACTORY_SCOPE_OSIV_ON("store on, factory scope, OSIV on", true, "osiv-on"),
    /** The store on, a scope per HTTP session ({@code canonical-store.scope=http-session}), sessions closed early. */
    CLIENT_SCOPE_OSIV_OFF("store on, client scope, OSIV off", true, "osiv-off", "client-scope");

    private final String label;
    private final boolean storeEnabled;
    private final List<String> profiles;

    LoadConfiguration(String label, boolean storeEnabled, String... profiles) {
        this.label = label;
        this.storeEnabled = storeEnabled;
        this.profiles = List.of(profiles);
    }

    /** @return how reports name it */
    public String label() {
        return label;
    }

    /** @return whether the canonical store is on */
    public boolean storeEnabled() {
        return storeEnabled;
    }

    /**
     * @return whether one client's uncommitted edits may show to others: in the factory scope, by design (rule 12)
     */
    public boolean sharesUncommittedEdits() {
        return storeEnabled && !profiles.contains("client-scope");
    }

    /** @return the application's Spring profiles */
    public List<String> profiles() {
        return profiles;
    }

    /** @return the application's command-line arguments that select this configuration */
    public List<String> arguments() {
        return List.of("--spring.profiles.active=" + String.join(",", profiles),
                "--canonical-store.enabled=" + storeEnabled);
    }

    @Override
    public String toString() {
        return label;
    }
}
