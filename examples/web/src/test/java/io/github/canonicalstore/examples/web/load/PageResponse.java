package io.github.canonicalstore.examples.web.load;

import org.jspecify.annotations.Nullable;

/**
 * What a request got back.
 *
 * @param status the HTTP status, or 0 if no response came (see {@code failure})
 * @param body the body, empty if none
 * @param location the {@code Location} header of a redirect, or {@code null}
 * @param failure why no response came, or {@code null}
 */
public record PageResponse(int status, String body, @Nullable String location, @Nullable String failure) {

    /**
     * @param failure why the request failed
     * @return a response that never came
     */
    public static PageResponse failed(String failure) {
        return new PageResponse(0, "", null, failure);
    }

    /**
     * @return how the response is described in a report: its status and the heading of an HTML body (the error
     *     page's), or the first line of another body
     */
    public String describe() {
        if (failure != null) {
            return "no response: " + failure;
        }
        int heading = body.indexOf("<h1>");
        int end = body.indexOf("</h1>", heading + 1);
        String first = heading >= 0 && end > heading ? body.substring(heading + 4, end).strip()
                : body.strip().lines().findFirst().orElse("");
        if (first.length() > 200) {
            first = first.substring(0, 200) + "...";
        }
        return "HTTP " + status + (first.isEmpty() ? "" : ": " + first);
    }
}
