package dev.vellum.app.api;

import java.util.Map;

/** One answer of the API: status, content type and body. */
record ApiResponse(int status, String contentType, byte[] body) {
    static final String JSON = "application/json; charset=utf-8";

    static ApiResponse json(int status, Object value) {
        return new ApiResponse(status, JSON, ApiServer.JSON.writeValueAsBytes(value));
    }

    static ApiResponse error(int status, String message) {
        return json(status, Map.of("error", message));
    }
}
