package io.zerotrust.keycloak.bench.detection;

/**
 * A city of the built-in world table.
 *
 * @param name          English name
 * @param countryCode   ISO 3166-1 alpha-2
 * @param countryName   English country name
 * @param latitude      degrees
 * @param longitude     degrees
 * @param utcOffsetMinutes standard time offset (no daylight saving: the benchmark needs habits, not calendars)
 * @param weight        relative share of the synthetic users living there
 */
public record City(String name, String countryCode, String countryName, double latitude, double longitude,
                   int utcOffsetMinutes, int weight) {
}
