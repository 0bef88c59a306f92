package io.github.canonicalstore.examples.web.load;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One client of the application, as one browser: its own JDK {@link HttpClient} with its own cookie jar (so its
 * own HTTP session), HTTP/1.1, redirects not followed, HTML accepted first as by a browser. Only the application's
 * loopback address is ever requested. Meant for one thread at a time: one client, one user.
 */
public final class PageClient {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    /** What a browser accepts: HTML first, so that errors come as the HTML error page. */
    private static final String ACCEPT = "text/html,application/xhtml+xml,*/*;q=0.8";

    private final URI base;
    private final HttpClient http;

    /** @param base the application, {@code http://127.0.0.1:port} */
    public PageClient(URI base) {
        if (!"127.0.0.1".equals(base.getHost())) {
            throw new IllegalArgumentException("the load test requests loopback only, not " + base);
        }
        this.base = base;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager())
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
    }

    /**
     * @param path the page's path
     * @return the response, or a failed one if none came within the timeout
     */
    public PageResponse get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT).header("Accept", ACCEPT)
                .GET().build());
    }

    /**
     * Submits a form.
     *
     * @param path the form's action
     * @param fields the fields, URL-encoded in their iteration order
     * @return the response, or a failed one if none came within the timeout
     */
    public PageResponse post(String path, Map<String, String> fields) {
        String form = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT).header("Accept", ACCEPT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private PageResponse send(HttpRequest request) {
        try {
            HttpResponse<String> response =
                    http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new PageResponse(response.statusCode(), response.body(),
                    response.headers().firstValue("Location").orElse(null), null);
        } catch (IOException e) {
            return PageResponse.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PageResponse.failed("interrupted");
        }
    }
}
