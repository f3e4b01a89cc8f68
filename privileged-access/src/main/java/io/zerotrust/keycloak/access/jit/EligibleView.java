package io.zerotrust.keycloak.access.jit;

/** An eligible role as the REST answer shows it to the user. */
record EligibleView(String id, String role, String description, int maxMinutes, boolean justificationRequired,
                    boolean approvalRequired, String approverRole, String acr) {

    static EligibleView of(Eligibility eligibility) {
        return new EligibleView(eligibility.id(), eligibility.role(), eligibility.name(), eligibility.maxMinutes(),
                eligibility.justificationRequired(), eligibility.approvalRequired(), eligibility.approverRole(),
                eligibility.acr());
    }
}
