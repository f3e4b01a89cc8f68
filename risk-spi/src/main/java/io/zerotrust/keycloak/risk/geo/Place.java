package io.zerotrust.keycloak.risk.geo;

/** Where a location database puts an address; any field may be null. */
record Place(String countryCode, String countryName, String city, Double latitude, Double longitude,
             Integer accuracyRadiusKm) {
}
