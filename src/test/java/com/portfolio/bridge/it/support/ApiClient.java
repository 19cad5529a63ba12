package com.portfolio.bridge.it.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.json.JSONObject;

/** A backend service calling the bridge's HTTP API on one node, with a service token. */
public final class ApiClient {

    /**
     * A fresh service token from the test key with the required scope among others: minted per
     * call, since one minted at class load expired (600 s) before the last suite of a long run.
     */
    public static String service() {
        return TestTokens.custom("billing", claims -> claims.setStringClaim("scope", "read bridge"));
    }
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ApiClient() {
    }

    public static HttpResponse<String> call(int port, String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/bridge/v1" + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GET with the service token (usable in an await); @throws AssertionError unless it answers 200 */
    public static JSONObject get(int port, String path) {
        HttpResponse<String> response;
        try {
            response = call(port, "GET", path, service(), null);
        } catch (Exception e) {
            throw new AssertionError("GET " + path + " failed: " + e, e);
        }
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return new JSONObject(response.body());
    }
}
