package io.zerotrust.keycloak.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import jakarta.ws.rs.core.Response;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.representations.idm.ComponentExportRepresentation;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Just-in-time access and segregation of duties on a real server (zt-access-realm.json): activation after a fresh
 * sign-in at the eligibility's level puts the role in tokens until it expires; approval by another user; conflicts
 * refused at activation and detected in an admin's change; every step exported as OCSF to the SOC's webhook.
 */
@KeycloakIntegrationTest(config = ZeroTrustServerConfig.class)
class PrivilegedAccessTest {

    private static final String CLIENT = TrustedDeviceTest.CLIENT;
    private static final Duration ASYNC = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAGE_TYPE = "org.keycloak.services.ui.extend.UiPageProvider";

    @InjectAdminClient
    Keycloak admin;

    @InjectRealm(fromJson = "/zt-access-realm.json", ref = "access")
    ManagedRealm realm;

    @Test
    void aRoleActivatedAfterAStepUpIsInTheTokensUntilItExpires() throws Exception {
        AccessApi api = new AccessApi(BrowserBehindProxy.BASE, realm.getName());
        try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            JsonNode plain = tokens(signIn(browser, "dana"));
            assertThat(OidcTokens.claims(plain.get("id_token").asText()).path("acr").asText()).as("a first sign-in, LOW")
                    .isEqualTo("pwd");
            String eligibility = api.eligibilityId(access(plain), "deploy-production");
            Map<String, Object> ask = Map.of("eligibilityId", eligibility, "justification", "hotfix INC-4711", "minutes", 1);

            // a password sign-in is not enough for a role that needs mfa
            AccessApi.Answer refused = api.post(access(plain), "requests", ask);
            assertThat(refused.status()).as("%s", refused.body()).isEqualTo(401);
            assertThat(refused.error()).isEqualTo("step_up_required");
            assertThat(refused.body().path("acr").asText()).isEqualTo("mfa");
            assertThat(realmRoles(plain)).doesNotContain("deploy-production");

            // a fresh sign-in at mfa: password and code again
            JsonNode stepped = tokens(stepUp(browser, "dana"));
            assertThat(OidcTokens.claims(stepped.get("id_token").asText()).path("acr").asText()).isEqualTo("mfa");
            AccessApi.Answer active = api.post(access(stepped), "requests", ask);
            assertThat(active.status()).as("%s", active.body()).isEqualTo(201);
            assertThat(active.body().path("state").asText()).isEqualTo("ACTIVE");
            String requestId = active.body().path("id").asText();
            assertThat(active.body().path("expiresAt").asLong() - active.body().path("activatedAt").asLong())
                    .isEqualTo(60_000L);

            JsonNode refreshed = refresh(stepped);
            assertThat(realmRoles(refreshed)).contains("deploy-production");
            assertThat(api.post(access(refreshed), "requests", ask).error()).as("a second one while active").isEqualTo("already_active");

            List<JsonNode> exported = WebhookReceiver.get().await(e -> requestId.equals(detail(e, "request_id")), 2, ASYNC);
            assertThat(exported).extracting(e -> e.path("type_uid").asLong()).contains(300199L, 300501L);
            JsonNode activation = exported.stream().filter(e -> e.path("class_uid").asInt() == 3005).findFirst().orElseThrow();
            assertThat(activation.path("privileges").get(0).asText()).isEqualTo("deploy-production");
            assertThat(activation.at("/user/name").asText()).isEqualTo("dana");
            assertThat(detail(activation, "justification")).isEqualTo("hotfix INC-4711");
            assertThat(detail(activation, "minutes")).isEqualTo("1");

            // the expiry task ends it at its time; the next refreshed token lacks the role
            List<JsonNode> expired = WebhookReceiver.get().await(e -> requestId.equals(detail(e, "request_id"))
                    && "ZT_ROLE_EXPIRED".equals(e.at("/unmapped/keycloak/type").asText()), 1, Duration.ofSeconds(120));
            assertThat(expired).as("the expiry exported once").singleElement()
                    .satisfies(e -> assertThat(e.path("type_uid").asLong()).isEqualTo(300502L));
            assertThat(realmRoles(refresh(refreshed))).doesNotContain("deploy-production");
            assertThat(api.get(access(stepped), "requests").body().get(0).path("state").asText()).isEqualTo("EXPIRED");
        }
    }

    @Test
    void withApprovalTheRequestWaitsForAnotherApproverAndNobodyApprovesTheirOwn() throws Exception {
        AccessApi api = new AccessApi(BrowserBehindProxy.BASE, realm.getName());
        try (BrowserBehindProxy petes = new BrowserBehindProxy(RiskFixtures.BERLIN);
             BrowserBehindProxy alices = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            JsonNode pete = tokens(signIn(petes, "pete"));
            String eligibility = api.eligibilityId(access(pete), "db-admin");
            assertThat(api.post(access(pete), "requests", Map.of("eligibilityId", eligibility, "minutes", 30)).error())
                    .as("justification required").isEqualTo("invalid_request");
            AccessApi.Answer pending = api.post(access(pete), "requests", Map.of("eligibilityId", eligibility,
                    "justification", "reindex orders table", "minutes", 30));
            assertThat(pending.status()).as("%s", pending.body()).isEqualTo(201);
            assertThat(pending.body().path("state").asText()).isEqualTo("PENDING");
            String requestId = pending.body().path("id").asText();
            assertThat(realmRoles(refresh(pete))).doesNotContain("db-admin");

            // pete holds the approver role himself: his own request is neither listed for him nor his to approve
            assertThat(api.get(access(pete), "approvals").body()).noneMatch(r -> requestId.equals(r.path("id").asText()));
            AccessApi.Answer self = api.post(access(pete), "approvals/" + requestId, Map.of("decision", "approve"));
            assertThat(self.status()).isEqualTo(403);
            assertThat(self.error()).isEqualTo("self_approval");

            JsonNode alice = tokens(signIn(alices, "alice"));
            assertThat(api.get(access(alice), "approvals").body()).anyMatch(r -> requestId.equals(r.path("id").asText()));
            AccessApi.Answer approved = api.post(access(alice), "approvals/" + requestId, Map.of("decision", "approve"));
            assertThat(approved.status()).as("%s", approved.body()).isEqualTo(200);
            assertThat(approved.body().path("state").asText()).isEqualTo("ACTIVE");
            assertThat(approved.body().path("approver").asText()).isEqualTo("alice");
            JsonNode withRole = refresh(pete);
            assertThat(realmRoles(withRole)).contains("db-admin");

            // ended early by pete: gone from the next token
            AccessApi.Answer ended = api.post(access(withRole), "requests/" + requestId + "/end", Map.of());
            assertThat(ended.body().path("state").asText()).as("%s", ended.body()).isEqualTo("ENDED");
            assertThat(realmRoles(refresh(withRole))).doesNotContain("db-admin");

            List<JsonNode> exported = WebhookReceiver.get().await(e -> requestId.equals(detail(e, "request_id")), 4, ASYNC);
            assertThat(exported).extracting(e -> e.at("/unmapped/keycloak/type").asText())
                    .contains("ZT_ROLE_REQUESTED", "ZT_ROLE_APPROVED", "ZT_ROLE_ACTIVATED", "ZT_ROLE_ENDED");
            JsonNode approval = exported.stream().filter(e -> "ZT_ROLE_APPROVED".equals(e.at("/unmapped/keycloak/type").asText()))
                    .findFirst().orElseThrow();
            assertThat(approval.at("/actor/user/name").asText()).isEqualTo("alice");
            assertThat(approval.at("/user/name").asText()).isEqualTo("pete");
            assertThat(detail(approval, "justification")).isEqualTo("reindex orders table");
        }
    }

    @Test
    void anApproverRefusesARequestWithAReasonTheRequesterReads() throws Exception {
        AccessApi api = new AccessApi(BrowserBehindProxy.BASE, realm.getName());
        try (BrowserBehindProxy toms = new BrowserBehindProxy(RiskFixtures.BERLIN);
             BrowserBehindProxy alices = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            JsonNode tom = tokens(signIn(toms, "tom"));
            AccessApi.Answer pending = api.post(access(tom), "requests", Map.of("eligibilityId",
                    api.eligibilityId(access(tom), "db-admin"), "justification", "curious", "minutes", 120));
            assertThat(pending.body().path("state").asText()).as("%s", pending.body()).isEqualTo("PENDING");
            String requestId = pending.body().path("id").asText();
            JsonNode alice = tokens(signIn(alices, "alice"));
            AccessApi.Answer refused = api.post(access(alice), "approvals/" + requestId,
                    Map.of("decision", "refuse", "reason", "no change ticket"));
            assertThat(refused.body().path("state").asText()).as("%s", refused.body()).isEqualTo("REFUSED");
            assertThat(api.post(access(alice), "approvals/" + requestId, Map.of("decision", "approve")).error())
                    .as("decided once").isEqualTo("not_pending");
            JsonNode listed = api.get(access(tom), "requests").body().get(0);
            assertThat(listed.path("state").asText()).isEqualTo("REFUSED");
            assertThat(listed.path("reason").asText()).isEqualTo("no change ticket");
            assertThat(listed.path("approver").asText()).isEqualTo("alice");
            assertThat(realmRoles(refresh(tom))).doesNotContain("db-admin");
            assertThat(WebhookReceiver.get().await(e -> requestId.equals(detail(e, "request_id"))
                    && "ZT_ROLE_REFUSED".equals(e.at("/unmapped/keycloak/type").asText()), 1, ASYNC))
                    .singleElement().satisfies(e -> {
                        assertThat(detail(e, "reason")).isEqualTo("approver");
                        assertThat(detail(e, "note")).isEqualTo("no change ticket");
                        assertThat(e.at("/actor/user/name").asText()).isEqualTo("alice");
                    });
        }
    }

    @Test
    void anActivationThatWouldJoinDutiesKeptApartIsRefused() throws Exception {
        AccessApi api = new AccessApi(BrowserBehindProxy.BASE, realm.getName());
        try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            signIn(browser, "cora");
            JsonNode stepped = tokens(stepUp(browser, "cora"));
            String eligibility = api.eligibilityId(access(stepped), "deploy-production");
            AccessApi.Answer refused = api.post(access(stepped), "requests", Map.of("eligibilityId", eligibility,
                    "justification", "release 2.4", "minutes", 30));
            assertThat(refused.status()).as("%s", refused.body()).isEqualTo(409);
            assertThat(refused.error()).isEqualTo("conflict");
            assertThat(refused.body().path("message").asText()).contains("production change").contains("approve-production-change");
            assertThat(realmRoles(refresh(stepped))).doesNotContain("deploy-production");
            String userId = LoginEvents.userId(realm, "cora");
            assertThat(WebhookReceiver.get().await(e -> userId.equals(e.at("/user/uid").asText())
                    && "ZT_ROLE_REFUSED".equals(e.at("/unmapped/keycloak/type").asText()), 1, ASYNC))
                    .singleElement().satisfies(e -> {
                        assertThat(detail(e, "reason")).isEqualTo("conflict");
                        assertThat(e.path("status").asText()).isEqualTo("Failure");
                    });
        }
    }

    @Test
    void aRiskySignInActivatesNothing() throws Exception {
        AccessApi api = new AccessApi(BrowserBehindProxy.BASE, realm.getName());
        // hugo's first sign-in teaches Berlin; the second comes from a Tor exit: HIGH, let through only because the
        // realm's refusal is report-only, and never enough to activate a role
        try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            signIn(browser, "hugo");
        }
        try (BrowserBehindProxy tor = new BrowserBehindProxy(RiskFixtures.BERLIN_TOR)) {
            JsonNode risky = tokens(stepUp(tor, "hugo"));
            assertThat(LoginEvents.latest(realm, "hugo").getDetails()).containsEntry("zt_risk_level", "HIGH");
            AccessApi.Answer refused = api.post(access(risky), "requests", Map.of("eligibilityId",
                    api.eligibilityId(access(risky), "deploy-production"), "justification", "urgent", "minutes", 10));
            assertThat(refused.status()).as("%s", refused.body()).isEqualTo(403);
            assertThat(refused.error()).isEqualTo("risk_too_high");
            assertThat(realmRoles(refresh(risky))).doesNotContain("deploy-production");
        }
    }

    @Test
    void anAdminsConflictingAssignmentIsReportedAtOnceAndRevertedWhereTheRuleSaysSo() throws Exception {
        // "production change" reports only: vic keeps both roles, is listed, and his tokens carry neither
        RoleRepresentation deploy = realm.admin().roles().get("deploy-production").toRepresentation();
        String vic = LoginEvents.userId(realm, "vic");
        String adminId = OidcTokens.claims(admin.tokenManager().getAccessTokenString()).path("sub").asText();
        realm.admin().users().get(vic).roles().realmLevel().add(List.of(deploy));
        List<JsonNode> reported = WebhookReceiver.get().await(e -> vic.equals(e.at("/user/uid").asText())
                && "ZT_DUTY_CONFLICT".equals(e.at("/unmapped/keycloak/type").asText()), 1, ASYNC);
        assertThat(reported).singleElement().satisfies(e -> {
            assertThat(detail(e, "rule")).isEqualTo("production change");
            assertThat(detail(e, "reverted")).isEqualTo("false");
            assertThat(e.at("/actor/user/uid").asText()).as("the admin who made the change").isEqualTo(adminId);
            assertThat(e.path("severity").asText()).isEqualTo("High");
        });
        assertThat(realm.admin().users().get(vic).roles().realmLevel().listAll())
                .extracting(RoleRepresentation::getName).contains("deploy-production", "approve-production-change");
        JsonNode violations = adminGet("zt-conflicts/violations");
        assertThat(violations).anySatisfy(v -> {
            assertThat(v.path("username").asText()).isEqualTo("vic");
            assertThat(v.path("rule").asText()).isEqualTo("production change");
        });
        try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            JsonNode tokens = tokens(signIn(browser, "vic"));
            assertThat(realmRoles(tokens)).doesNotContain("deploy-production", "approve-production-change");
        }

        // "payments" reverts: wes is given pay-approve next to pay-create, and it is gone again at once
        RoleRepresentation approve = realm.admin().roles().get("pay-approve").toRepresentation();
        String wes = LoginEvents.userId(realm, "wes");
        realm.admin().users().get(wes).roles().realmLevel().add(List.of(approve));
        assertThat(realm.admin().users().get(wes).roles().realmLevel().listAll())
                .extracting(RoleRepresentation::getName).contains("pay-create").doesNotContain("pay-approve");
        assertThat(WebhookReceiver.get().await(e -> wes.equals(e.at("/user/uid").asText())
                && "ZT_DUTY_CONFLICT".equals(e.at("/unmapped/keycloak/type").asText()), 1, ASYNC))
                .singleElement().satisfies(e -> assertThat(detail(e, "reverted")).isEqualTo("true"));
        assertThat(adminGet("zt-conflicts/violations")).noneMatch(v -> "wes".equals(v.path("username").asText()));
    }

    @Test
    void anAdminSeesTheOpenActivationsAndEndsOneEarly() throws Exception {
        AccessApi api = new AccessApi(BrowserBehindProxy.BASE, realm.getName());
        try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            JsonNode stepped = tokens(stepUp(browser, "ian"));
            AccessApi.Answer active = api.post(access(stepped), "requests", Map.of("eligibilityId",
                    api.eligibilityId(access(stepped), "deploy-production"), "justification", "release", "minutes", 60));
            assertThat(active.status()).as("%s", active.body()).isEqualTo(201);
            String requestId = active.body().path("id").asText();
            assertThat(adminGet("zt-access/activations")).anySatisfy(a -> {
                assertThat(a.path("id").asText()).isEqualTo(requestId);
                assertThat(a.path("requester").asText()).isEqualTo("ian");
                assertThat(a.path("state").asText()).isEqualTo("ACTIVE");
            });

            HttpResponse<String> ended = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                            BrowserBehindProxy.BASE + "/admin/realms/" + realm.getName() + "/zt-access/activations/"
                                    + requestId + "/end"))
                    .header("Authorization", "Bearer " + admin.tokenManager().getAccessTokenString())
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);
            assertThat(JSON.readTree(ended.body()).path("state").asText()).isEqualTo("ENDED");
            assertThat(realmRoles(refresh(stepped))).doesNotContain("deploy-production");
            assertThat(adminGet("zt-access/activations")).noneMatch(a -> requestId.equals(a.path("id").asText()));
            String adminId = OidcTokens.claims(admin.tokenManager().getAccessTokenString()).path("sub").asText();
            assertThat(WebhookReceiver.get().await(e -> requestId.equals(detail(e, "request_id"))
                    && "ZT_ROLE_ENDED".equals(e.at("/unmapped/keycloak/type").asText()), 1, ASYNC))
                    .singleElement().satisfies(e -> assertThat(e.at("/actor/user/uid").asText()).isEqualTo(adminId));
        }
    }

    @Test
    void eligibleRolesAndRulesAreCheckedWhenSavedAndTravelWithTheRealmsExport() {
        String realmId = realm.admin().toRepresentation().getId();
        ComponentRepresentation bad = component(realmId, "Eligible roles", Map.of("role", "deploy-prod", "users", "dana",
                "max-minutes", "0", "acr", "platinum"));
        try (Response response = realm.admin().components().add(bad)) {
            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(response.readEntity(String.class)).contains("Eligible role not saved")
                    .contains("role 'deploy-prod' does not exist").contains("max-minutes '0'").contains("'platinum'");
        }
        ComponentRepresentation oneRole = component(realmId, "Conflict rules", Map.of("name", "lonely", "roles", "pay-create"));
        try (Response response = realm.admin().components().add(oneRole)) {
            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(response.readEntity(String.class)).contains("name at least two roles");
        }

        RealmRepresentation export = realm.admin().partialExport(false, false);
        assertThat(export.getComponents().get(PAGE_TYPE)).extracting(ComponentExportRepresentation::getProviderId)
                .contains("Eligible roles", "Conflict rules");
        assertThat(export.getClientScopes()).filteredOn(scope -> "roles".equals(scope.getName())).singleElement()
                .satisfies(scope -> assertThat(scope.getProtocolMappers())
                        .extracting(ProtocolMapperRepresentation::getProtocolMapper).contains("zt-conflict-guard"));
    }

    private static ComponentRepresentation component(String realmId, String page, Map<String, String> values) {
        ComponentRepresentation component = new ComponentRepresentation();
        component.setName(page);
        component.setProviderId(page);
        component.setProviderType(PAGE_TYPE);
        component.setParentId(realmId);
        MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
        values.forEach(config::putSingle);
        component.setConfig(config);
        return component;
    }

    /** A sign-in with the password, and the code where the risk asks for it (a new browser of a known user). */
    static HtmlPage signIn(BrowserBehindProxy browser, String username) throws Exception {
        return complete(browser.authorize("zt-access", CLIENT, null), username);
    }

    /** A fresh sign-in at level mfa from the browser's SSO session: password and one-time code again. */
    static HtmlPage stepUp(BrowserBehindProxy browser, String username) throws Exception {
        return complete(browser.authorize("zt-access", CLIENT, "acr_values=mfa&max_age=0"), username);
    }

    private static HtmlPage complete(HtmlPage form, String username) throws Exception {
        HtmlPage next = form;
        if (form.getElementById("username") != null) {
            next = BrowserBehindProxy.submitPassword(form, username, username + "-Passw0rd!");
        } else if (form.getElementById("password") != null) {
            // re-authentication of the SSO session's user: the form asks for the password only
            form.getHtmlElementById("password").type(username + "-Passw0rd!");
            next = form.getHtmlElementById("kc-login").click();
        }
        if (next.getElementById("otp") != null) {
            next = TrustedDeviceTest.submitCode(next, username);
        }
        if (next.getElementById("zt-trust-no") != null) {
            next = next.getHtmlElementById("zt-trust-no").click();
        }
        return next;
    }

    private JsonNode tokens(HtmlPage signedIn) throws Exception {
        String code = BrowserBehindProxy.code(signedIn);
        assertThat(code).as("signed in: %s", signedIn.getUrl()).isNotNull();
        return OidcTokens.redeem(realm.getName(), CLIENT, code);
    }

    private JsonNode refresh(JsonNode tokens) throws Exception {
        HttpResponse<String> response = OidcTokens.post(realm.getName(), Map.of("grant_type", "refresh_token",
                "client_id", CLIENT, "refresh_token", tokens.get("refresh_token").asText()), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String access(JsonNode tokens) {
        return tokens.get("access_token").asText();
    }

    private static List<String> realmRoles(JsonNode tokens) throws Exception {
        List<String> roles = new java.util.ArrayList<>();
        OidcTokens.claims(access(tokens)).at("/realm_access/roles").forEach(r -> roles.add(r.asText()));
        return roles;
    }

    private static String detail(JsonNode ocsf, String key) {
        return ocsf.at("/unmapped/keycloak/details/" + key).asText(null);
    }

    private JsonNode adminGet(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        BrowserBehindProxy.BASE + "/admin/realms/" + realm.getName() + "/" + path))
                .header("Authorization", "Bearer " + admin.tokenManager().getAccessTokenString()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
