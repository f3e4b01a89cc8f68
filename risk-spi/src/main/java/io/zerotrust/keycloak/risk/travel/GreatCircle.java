package io.zerotrust.keycloak.risk.travel;

/**
 * Great-circle distance on a spherical Earth (haversine formula). The sphere is off by at most about 0.5%
 * from the ellipsoid, far below the uncertainty of GeoIP coordinates.
 */
public final class GreatCircle {

    /** Mean Earth radius (IUGG), in km. */
    public static final double EARTH_RADIUS_KM = 6371.0088;

    private GreatCircle() {
    }

    /** Distance in km between two points given in degrees. */
    public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double dPhi = Math.toRadians(lat2 - lat1);
        double dLambda = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(dPhi / 2), 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.pow(Math.sin(dLambda / 2), 2);
        // min() guards against rounding pushing a just above 1 for antipodal points
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(a)));
    }
}
