package io.zerotrust.keycloak.events.feedback;

/** An analyst's judgement of a finding. */
public enum Verdict {
    TRUE_POSITIVE("true_positive"), FALSE_POSITIVE("false_positive");

    private final String json;

    Verdict(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    /** @return the verdict, or null for anything else */
    public static Verdict of(String json) {
        for (Verdict verdict : values()) {
            if (verdict.json.equals(json)) {
                return verdict;
            }
        }
        return null;
    }
}
