package io.zerotrust.keycloak.risk.posture;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One condition a posture assertion's claims must meet. The syntax is deliberately tiny:
 *
 * <pre>
 *   requirements := requirement ("," requirement)*
 *   requirement  := claim op value
 *   claim        := name ("." name)*        dots reach into nested objects: device.managed
 *   op           := "=" | "&lt;=" | "&gt;="
 * </pre>
 *
 * <p>{@code =} holds when the claim is a string, boolean or number whose text equals {@code value} (numbers
 * compare numerically: {@code 1.0} equals {@code 1}). {@code <=} and {@code >=} need a number on both sides. A
 * missing claim never holds. Example: {@code managed=true,disk_encrypted=true,os_patch_age_days<=30}.
 *
 * @param claim the claim path, e.g. {@code managed} or {@code device.managed}
 * @param op    the comparison
 * @param value the expected value as written
 */
public record ClaimRequirement(String claim, Op op, String value) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_:$-]+(\\.[A-Za-z0-9_:$-]+)*");

    /** The comparisons. */
    public enum Op {
        EQUALS("="), AT_MOST("<="), AT_LEAST(">=");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    public ClaimRequirement {
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(value, "value");
    }

    /**
     * Parses a comma-separated list; null or blank is no requirement.
     *
     * @throws IllegalArgumentException naming the first entry that does not parse
     */
    public static List<ClaimRequirement> parseAll(String text) {
        List<ClaimRequirement> requirements = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return requirements;
        }
        for (String entry : text.split(",")) {
            if (!entry.isBlank()) {
                requirements.add(parse(entry.trim()));
            }
        }
        return List.copyOf(requirements);
    }

    static ClaimRequirement parse(String entry) {
        Op op;
        int at;
        if ((at = entry.indexOf("<=")) > 0) {
            op = Op.AT_MOST;
        } else if ((at = entry.indexOf(">=")) > 0) {
            op = Op.AT_LEAST;
        } else if ((at = entry.indexOf('=')) > 0) {
            op = Op.EQUALS;
        } else {
            throw new IllegalArgumentException("'" + entry + "' is not claim=value, claim<=number or claim>=number");
        }
        String claim = entry.substring(0, at).trim();
        String value = entry.substring(at + op.symbol().length()).trim();
        if (!NAME.matcher(claim).matches() || value.isEmpty()) {
            throw new IllegalArgumentException("'" + entry + "' needs a claim name and a value");
        }
        if (op != Op.EQUALS && number(value) == null) {
            throw new IllegalArgumentException("'" + entry + "' compares with " + op.symbol() + " but '" + value + "' is not a number");
        }
        return new ClaimRequirement(claim, op, value);
    }

    /** Whether the claims meet this requirement. */
    public boolean isMetBy(JsonNode claims) {
        JsonNode node = claims;
        for (String name : claim.split("\\.")) {
            node = node == null || !node.isObject() ? null : node.get(name);
        }
        if (node == null || !node.isValueNode() || node.isNull()) {
            return false;
        }
        if (op == Op.EQUALS) {
            if (node.isNumber()) {
                BigDecimal expected = number(value);
                return expected != null && node.decimalValue().compareTo(expected) == 0;
            }
            return node.asText().equals(value);
        }
        if (!node.isNumber()) {
            return false;
        }
        int comparison = node.decimalValue().compareTo(number(value));
        return op == Op.AT_MOST ? comparison <= 0 : comparison >= 0;
    }

    private static BigDecimal number(String text) {
        try {
            return text.length() > 40 ? null : new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return claim + op.symbol() + value;
    }
}
