package io.zerotrust.keycloak.access.jit;

import java.util.LinkedHashMap;
import java.util.Map;

/** Why a request or a decision was not carried out, as the REST answer gives it: status, code and plain text. */
final class AccessRefusal extends Exception {

    final int status;
    final String code;
    final Map<String, Object> extra;

    AccessRefusal(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    AccessRefusal(int status, String code, String message, Map<String, Object> extra) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.extra = extra;
    }

    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", getMessage());
        body.putAll(extra);
        return body;
    }
}
