package vn.ioc.streaming.incident;

/** Where a site is, as its birth message said; lat/lon/ward are null until it has been heard. */
public record Place(String site, String name, Double lat, Double lon, String ward) {

    public static Place unknown(String site) {
        return new Place(site, null, null, null, null);
    }
}
