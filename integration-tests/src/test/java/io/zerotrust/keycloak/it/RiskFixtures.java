package io.zerotrust.keycloak.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import io.zerotrust.keycloak.risk.geo.GeoIpFixtures;
import io.zerotrust.keycloak.risk.geo.GeoIpFixtures.AnonymousEntry;
import io.zerotrust.keycloak.risk.geo.GeoIpFixtures.AsnEntry;
import io.zerotrust.keycloak.risk.geo.GeoIpFixtures.CityEntry;

/**
 * Data the test server reads at start: small GeoIP2-format databases (written with our MMDB writer and read by
 * the official reader inside Keycloak), a Tor exit list, and the JWKS of a device-posture signer.
 * Addresses are from the documentation ranges (RFC 5737), placed where the tests need them.
 */
final class RiskFixtures {

    static final Path DIR = Path.of("target", "zt-fixtures").toAbsolutePath();
    static final Path CITY_DB = DIR.resolve("city.mmdb");
    static final Path ASN_DB = DIR.resolve("asn.mmdb");
    static final Path ANONYMOUS_DB = DIR.resolve("anonymous.mmdb");
    static final Path TOR_EXITS = DIR.resolve("tor-exits.txt");
    static final Path POSTURE_JWKS = DIR.resolve("posture-jwks.json");
    static final Path POSTURE_SIGNER = DIR.resolve("posture-signer.pk8");

    /** Berlin, Germany, a home ISP. */
    static final String BERLIN = "192.0.2.10";
    /** Another Berlin address of the same ISP, used only by the spray test. */
    static final String BERLIN_SPRAY_SOURCE = "192.0.2.66";
    /** Berlin, an anonymous VPN on a hosting network. */
    static final String BERLIN_VPN = "192.0.2.130";
    /** Berlin, a Tor exit node. */
    static final String BERLIN_TOR = "192.0.2.201";
    /** Vienna, Austria: another country, near enough to Berlin to be reachable within GeoIP's accuracy. */
    static final String VIENNA = "198.51.100.10";
    /** Tokyo, Japan. */
    static final String TOKYO = "203.0.113.10";
    /**
     * Tokyo, a network of AS16509 (Amazon), which is on the shipped hosting-ASN list, and which the Anonymous-IP
     * fixture does not flag: hosting by the list alone.
     */
    static final String TOKYO_CLOUD = "203.0.113.70";
    /** Zurich, Switzerland: a third country, reachable from Berlin and Vienna within GeoIP's accuracy. */
    static final String ZURICH = "203.0.113.140";
    /** Berlin, the home ISP's IPv6 network (RFC 3849): a home line in the block 2001:db8:1::/48. */
    static final String BERLIN_HOME_LINE = "2001:db8:1::10";
    /** Berlin, the same ISP and city as {@link #BERLIN_HOME_LINE}, another of its /48 blocks. */
    static final String BERLIN_OTHER_LINE = "2001:db8:2::10";

    private RiskFixtures() {
    }

    /** Written last: the fixtures of this version are complete. Name a new one when a fixture changes. */
    private static final Path WRITTEN = DIR.resolve(".written-2");

    /** Writes the fixtures once per build; later calls reuse them so a running server and the tests agree. */
    static synchronized void writeOnce() {
        if (Files.exists(WRITTEN)) {
            return;
        }
        try {
            Files.createDirectories(DIR);
            GeoIpFixtures.writeCityFixture(CITY_DB, List.of(
                    new CityEntry("192.0.2.0/24", "DE", "Germany", "Berlin", 52.52, 13.405, 300),
                    new CityEntry("198.51.100.0/24", "AT", "Austria", "Vienna", 48.208, 16.373, 300),
                    new CityEntry("203.0.113.0/25", "JP", "Japan", "Tokyo", 35.68, 139.69, 50),
                    new CityEntry("203.0.113.128/25", "CH", "Switzerland", "Zurich", 47.377, 8.540, 300),
                    new CityEntry("2001:db8::/32", "DE", "Germany", "Berlin", 52.52, 13.405, 300)));
            GeoIpFixtures.writeAsnFixture(ASN_DB, List.of(
                    new AsnEntry("192.0.2.0/25", 64500, "Example Telecom DE"),
                    new AsnEntry("192.0.2.128/25", 64510, "Example Hosting"),
                    new AsnEntry("198.51.100.0/24", 64520, "Example Telecom AT"),
                    new AsnEntry("203.0.113.0/26", 64530, "Example Telecom JP"),
                    new AsnEntry("203.0.113.64/26", 16509, "Amazon.com, Inc."),
                    new AsnEntry("203.0.113.128/25", 64540, "Example Telecom CH"),
                    new AsnEntry("2001:db8::/32", 64500, "Example Telecom DE")));
            GeoIpFixtures.writeAnonymousFixture(ANONYMOUS_DB, List.of(
                    new AnonymousEntry("192.0.2.128/26", true, true, false, false),
                    new AnonymousEntry("192.0.2.200/29", false, false, true, false)));
            Files.writeString(TOR_EXITS, "# Tor exit nodes (test)\n192.0.2.200/29\n", StandardCharsets.UTF_8);

            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair signer = generator.generateKeyPair();
            RSAPublicKey publicKey = (RSAPublicKey) signer.getPublic();
            Files.writeString(POSTURE_JWKS, "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"mdm-1\","
                    + "\"n\":\"" + base64Url(unsigned(publicKey.getModulus())) + "\","
                    + "\"e\":\"" + base64Url(unsigned(publicKey.getPublicExponent())) + "\"}]}", StandardCharsets.UTF_8);
            Files.write(POSTURE_SIGNER, signer.getPrivate().getEncoded());
            Files.writeString(WRITTEN, "", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A posture assertion as an MDM would send it, signed by the trusted signer. */
    static String trustedPosture(String claims) {
        try {
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(POSTURE_SIGNER)));
            return sign(key, claims);
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same assertion signed by a key nobody trusts. */
    static String forgedPosture(String claims) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return sign(generator.generateKeyPair().getPrivate(), claims);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fresh claims of a managed, encrypted device. */
    static String compliantClaims() {
        long now = Instant.now().getEpochSecond();
        return "{\"sub\":\"device-42\",\"iat\":" + now + ",\"exp\":" + (now + 300)
                + ",\"managed\":true,\"disk_encrypted\":true}";
    }

    /**
     * Fresh claims of a managed, encrypted device as a device agent makes them for one sign-in: bound to the realm
     * (aud: its issuer) and to the browser's device (zt_device: the device id of its ZT_DEVICE cookie), with a new
     * jti.
     *
     * @param iatOffsetSeconds how long ago (negative) or ahead the agent claims to have issued it
     */
    static String boundClaims(String realm, String deviceId, long iatOffsetSeconds) {
        long iat = Instant.now().getEpochSecond() + iatOffsetSeconds;
        return "{\"iat\":" + iat + ",\"exp\":" + (iat + 300) + ",\"jti\":\"" + java.util.UUID.randomUUID() + "\""
                + ",\"aud\":\"" + BrowserBehindProxy.BASE + "/realms/" + realm + "\""
                + ",\"zt_device\":\"" + deviceId + "\",\"managed\":true,\"disk_encrypted\":true}";
    }

    /**
     * The device id in the browser's ZT_DEVICE cookie, read as an agent on the device does (a managed browser
     * extension may read the HttpOnly cookie): the base64url text before the dot is the payload, whose lines are
     * version, key id, issued-at, expiry, device id and user id.
     */
    static String deviceId(BrowserBehindProxy browser) {
        String[] value = new String[1];
        browser.tamperCookie("ZT_DEVICE", v -> {
            value[0] = v;
            return v;
        });
        String payload = new String(Base64.getUrlDecoder().decode(value[0].substring(0, value[0].indexOf('.'))), StandardCharsets.UTF_8);
        return payload.split("\n")[4];
    }

    private static String sign(PrivateKey key, String claims) throws java.security.GeneralSecurityException {
        String signingInput = base64Url("{\"alg\":\"RS256\",\"kid\":\"mdm-1\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + base64Url(claims.getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + base64Url(signature.sign());
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
