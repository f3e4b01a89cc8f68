package io.zerotrust.keycloak.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.zerotrust.keycloak.events.SecurityEvent;
import io.zerotrust.keycloak.events.listener.EventCapture;
import io.zerotrust.keycloak.events.outbox.OutboxCodec;
import io.zerotrust.keycloak.risk.geo.GeoLocation;
import io.zerotrust.keycloak.risk.spi.RiskNotes;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the event listener costs the request thread per event (target: under 10 us at p99): the pure part of
 * {@code ZeroTrustEventListener.onEvent}, that is the captured-type check, Keycloak's {@code Event.clone()},
 * {@link EventCapture#of} (details copied without the device id, device id hashed with SHA-256, risk details
 * parsed, location copied) and {@link OutboxCodec#encode} (the outbox row's JSON). The input is a successful LOGIN
 * as the risk step leaves it (username, risk score, level, reasons and device id in the details) with a browser
 * User-Agent.
 *
 * <p>Not measured: the GeoIP lookup (a location is passed in; see {@link GeoIpLookupBenchmark}), reading the
 * User-Agent header from the session, and the outbox row's insert, which joins the sign-in's own database
 * transaction (the load script {@code login-load.sh} measures sign-ins with it). {@code capture} is the same without
 * the JSON.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EventHandOffBenchmark {

    private static final String USER_AGENT = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36";

    private Event event;
    private GeoLocation location;

    @Setup(Level.Trial)
    public void setUp() {
        event = new Event();
        event.setId("4f7d2c1e-9a53-4b7e-8c1d-2e6f0a9b3c45");
        event.setTime(System.currentTimeMillis());
        event.setType(EventType.LOGIN);
        event.setRealmId("0b1c7e8a-5d2f-4a61-9f0e-3c8d7b6a5e41");
        event.setRealmName("corp");
        event.setClientId("account-console");
        event.setUserId("8e2a4c6b-1f3d-4e5a-9b7c-0d1e2f3a4b5c");
        event.setSessionId("c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f");
        event.setIpAddress("203.0.113.42");
        Map<String, String> details = new HashMap<>();
        details.put("auth_method", "openid-connect");
        details.put("auth_type", "code");
        details.put("redirect_uri", "https://sso.example.com/realms/corp/account/");
        details.put("consent", "no_consent_required");
        details.put("code_id", "c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f");
        details.put("username", "alice.martin");
        details.put(RiskNotes.EVENT_SCORE, "37");
        details.put(RiskNotes.EVENT_LEVEL, "MEDIUM");
        details.put(RiskNotes.EVENT_REASONS, "NEW_DEVICE, UNUSUAL_HOUR");
        details.put(RiskNotes.EVENT_DEVICE_ID, "d1e2v3i4c5e6-7a8b-9c0d-e1f2a3b4c5d6");
        event.setDetails(details);
        location = new GeoLocation("FR", "France", "Lyon", 45.75, 4.85, 20, 64500L, "Example Telecom",
                false, false, false, false);

    }

    /** What the listener does on the request thread for one captured event. */
    @Benchmark
    public String handOff() {
        if (!EventCapture.captured(event.getType())) {
            return null;
        }
        Event copy = event.clone();
        return OutboxCodec.encode(EventCapture.of(copy, location, USER_AGENT));
    }

    /** The same without the JSON: clone and capture only. */
    @Benchmark
    public SecurityEvent capture() {
        Event copy = event.clone();
        return EventCapture.of(copy, location, USER_AGENT);
    }
}
