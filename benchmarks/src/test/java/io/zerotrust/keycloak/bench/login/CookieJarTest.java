package io.zerotrust.keycloak.bench.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class CookieJarTest {

    @Test
    void keepsSecureCookiesThatKeycloakSetsOnPlainHttp() {
        CookieJar jar = new CookieJar();
        jar.apply("AUTH_SESSION_ID=abc.node; Version=1; Path=/realms/demo/; SameSite=None; Secure; HttpOnly");
        jar.apply("KC_RESTART=eyJ; Version=1; Path=/realms/demo/; HttpOnly");

        assertThat(jar.header()).isEqualTo("AUTH_SESSION_ID=abc.node; KC_RESTART=eyJ");
    }

    @Test
    void removesWhatTheServerExpires() {
        CookieJar jar = new CookieJar();
        jar.apply("KC_RESTART=eyJ; Path=/realms/demo/");
        jar.apply("KC_AUTH_SESSION_HASH=h; Path=/realms/demo/");
        jar.apply("KEYCLOAK_IDENTITY=i; Path=/realms/demo/");

        jar.apply("KC_RESTART=; Version=1; Expires=Thu, 01-Jan-1970 00:00:10 GMT; Max-Age=0; Path=/realms/demo/");
        jar.apply("KC_AUTH_SESSION_HASH=x; Expires=Thu, 01 Jan 1970 00:00:10 GMT; Path=/realms/demo/");
        jar.apply("KEYCLOAK_IDENTITY=j; Max-Age=0");

        assertThat(jar.names()).isEmpty();
        assertThat(jar.header()).isNull();
    }

    @Test
    void keepsACookieWithAFutureExpiry() {
        CookieJar jar = new CookieJar();
        jar.apply("ZT_DEVICE=v1.mac; Max-Age=31536000; Expires=Fri, 01-Jan-2100 00:00:00 GMT; Path=/realms/demo/;"
                + " HttpOnly; SameSite=Lax");

        assertThat(jar.get("ZT_DEVICE")).isEqualTo("v1.mac");
    }

    @Test
    void forgetsEverythingButTheDeviceCookieBetweenLogins() {
        CookieJar jar = new CookieJar();
        jar.apply("ZT_DEVICE=d; Path=/realms/demo/");
        jar.apply("KEYCLOAK_IDENTITY=i; Path=/realms/demo/");
        jar.apply("KEYCLOAK_SESSION=s; Path=/realms/demo/");
        jar.apply("AUTH_SESSION_ID=a; Path=/realms/demo/");

        jar.retainOnly(Set.of(BrowserSession.DEVICE_COOKIE));

        assertThat(jar.header()).isEqualTo("ZT_DEVICE=d");
    }

    @Test
    void replacesACookieSetAgain() {
        CookieJar jar = new CookieJar();
        jar.apply("ZT_DEVICE=old; Path=/");
        jar.apply("ZT_DEVICE=new; Path=/");

        assertThat(jar.header()).isEqualTo("ZT_DEVICE=new");
    }
}
