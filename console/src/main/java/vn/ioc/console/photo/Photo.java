package vn.ioc.console.photo;

/**
 * A citizen's photo as it is stored: re-encoded as JPEG, scaled down, without any metadata.
 *
 * @param n the photo's number on its report, 1..3
 */
public record Photo(int n, byte[] jpeg, int width, int height) {

    /** Where the public fetches the photo; the tracking code is its only secret. */
    public static String path(String trackingCode, int n) {
        return "/public/reports/" + trackingCode + "/photos/" + n + ".jpg";
    }
}
