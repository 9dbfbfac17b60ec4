package vn.ioc.console.report;

/**
 * A citizen's report as it arrives, unchecked: numbers are still text so that a bad one gets an
 * error naming the field.
 *
 * @param client the registered Open311 app that posted it ("app:" and its id), or null
 */
public record NewReport(String category, String lat, String lon, String description, String contactName,
                        String email, String phone, String mediaUrl, String address, String client) {
}
