package io.github.canonicalstore.examples.web.load;

/**
 * How a page compares with the renderings that committed states allow.
 *
 * @param kind the outcome
 * @param detail for a wrong page the difference, for a leak where the marker is; empty when right
 */
public record Verdict(Kind kind, String detail) {
    /** The outcomes. */
    public enum Kind {
        /** The page is its rendering alone, in a committed state. */
        RIGHT,
        /** The page differs from every rendering committed states allow. */
        WRONG,
        /** The page shows input from an invalid submission of another client. */
        LEAK
    }

    /** @return a right page */
    public static Verdict right() {
        return new Verdict(Kind.RIGHT, "");
    }
}
