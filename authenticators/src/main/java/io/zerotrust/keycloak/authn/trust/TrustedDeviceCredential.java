package io.zerotrust.keycloak.authn.trust;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.keycloak.credential.CredentialModel;
import org.keycloak.util.JsonSerialization;

/**
 * One device a user chose to trust, stored as a Keycloak credential of type {@value #TYPE}: so the user sees and
 * removes it in the account console, and an admin in the user's Credentials tab, like any other credential.
 * The device id (from the signed device cookie) is kept only as a SHA-256 hash in the secret data, which
 * Keycloak never returns over its REST APIs.
 *
 * @param deviceHash base64url SHA-256 of the device id
 * @param trustedAt  when the user chose to trust it
 * @param expiresAt  when the trust lapses
 */
public record TrustedDeviceCredential(String deviceHash, Instant trustedAt, Instant expiresAt) {

    public static final String TYPE = "zt-trusted-device";

    public static TrustedDeviceCredential of(String deviceId, Instant trustedAt, Instant expiresAt) {
        return new TrustedDeviceCredential(hash(deviceId), trustedAt, expiresAt);
    }

    /** Reads a stored credential; null when it is not one of ours or its data is unreadable. */
    public static TrustedDeviceCredential from(CredentialModel model) {
        if (model == null || !TYPE.equals(model.getType()) || model.getSecretData() == null || model.getCredentialData() == null) {
            return null;
        }
        try {
            Secret secret = JsonSerialization.readValue(model.getSecretData(), Secret.class);
            Data data = JsonSerialization.readValue(model.getCredentialData(), Data.class);
            if (secret.device == null || data.expiresAt == null) {
                return null;
            }
            Instant trustedAt = data.trustedAt == null ? Instant.ofEpochMilli(model.getCreatedDate()) : Instant.ofEpochSecond(data.trustedAt);
            return new TrustedDeviceCredential(secret.device, trustedAt, Instant.ofEpochSecond(data.expiresAt));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    public boolean isFor(String deviceId) {
        return deviceId != null && MessageDigest.isEqual(deviceHash.getBytes(StandardCharsets.US_ASCII),
                hash(deviceId).getBytes(StandardCharsets.US_ASCII));
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** The credential to store, with a label the user recognises the device by. */
    public CredentialModel toModel(String userLabel) {
        CredentialModel model = new CredentialModel();
        model.setType(TYPE);
        model.setUserLabel(userLabel);
        model.setCreatedDate(trustedAt.toEpochMilli());
        try {
            model.setSecretData(JsonSerialization.writeValueAsString(Map.of("device", deviceHash)));
            model.setCredentialData(JsonSerialization.writeValueAsString(
                    Map.of("trustedAt", trustedAt.getEpochSecond(), "expiresAt", expiresAt.getEpochSecond())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return model;
    }

    static String hash(String deviceId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(deviceId.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private static final class Secret {
        @JsonProperty("device")
        String device;
    }

    private static final class Data {
        @JsonProperty("trustedAt")
        Long trustedAt;
        @JsonProperty("expiresAt")
        Long expiresAt;
    }
}
