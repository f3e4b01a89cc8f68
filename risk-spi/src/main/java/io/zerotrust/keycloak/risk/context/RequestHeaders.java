package io.zerotrust.keycloak.risk.context;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.core.HttpHeaders;

/** Request headers as evaluators read them: lower-case names, first value only. */
public final class RequestHeaders {

    private RequestHeaders() {
    }

    public static Map<String, String> firstValues(HttpHeaders headers) {
        Map<String, String> values = new HashMap<>();
        if (headers != null) {
            headers.getRequestHeaders().forEach((name, list) -> {
                if (name != null && list != null && !list.isEmpty() && list.get(0) != null) {
                    values.putIfAbsent(name.toLowerCase(Locale.ROOT), list.get(0));
                }
            });
        }
        return values;
    }
}
