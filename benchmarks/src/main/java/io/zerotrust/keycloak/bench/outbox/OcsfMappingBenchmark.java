package io.zerotrust.keycloak.bench.outbox;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import io.zerotrust.keycloak.events.SecurityEvent;
import io.zerotrust.keycloak.events.ocsf.OcsfJson;
import io.zerotrust.keycloak.events.ocsf.OcsfMapper;
import io.zerotrust.keycloak.events.outbox.OutboxCodec;
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
 * The CPU the drainer spends per outbox row before a sink sees it, in its two steps: reading the row's JSON
 * ({@link OutboxCodec#decode}) and writing the OCSF event as UTF-8 ({@link OcsfMapper#map}); {@code all} is the two
 * in a row, as a sink's mapper threads run them. The row is the LOGIN {@code outbox-drain.sh} writes, so that this
 * explains part of that benchmark's server CPU.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OcsfMappingBenchmark {

    private final OcsfMapper mapper = new OcsfMapper();
    private String payload;
    private SecurityEvent event;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        payload = OutboxCodec.encode(OutboxDrainLoad.login("b1a2c3d4-realm", 7));
        event = OutboxCodec.decode(payload);
    }

    @Benchmark
    public SecurityEvent decode() throws IOException {
        return OutboxCodec.decode(payload);
    }

    @Benchmark
    public OcsfJson map() {
        return mapper.map(event).orElseThrow();
    }

    @Benchmark
    public OcsfJson all() throws IOException {
        return mapper.map(OutboxCodec.decode(payload)).orElseThrow();
    }
}
