package vn.ioc.ingest.contract;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A citizen's field report (Open311 style) as the console publishes it on
 * {@code ioc/v1/reports/{id}}, so the stream job can join it to the incidents it confirms.
 *
 * @param category    what kind of problem, an id such as {@code flooding} or {@code pothole}
 * @param time        when the citizen filed it
 * @param ward        the ward or commune the point falls in, null when outside every known ward
 * @param description the citizen's own words: untrusted text, shown only escaped
 * @param status      the report's state in the console ({@code open}, {@code closed}, ...), null when new
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Report(
        String id, String category, double lat, double lon, Instant time,
        String ward, String description, String status) {
}
