package vn.ioc.ingest.contract;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Traffic statistics of one camera over one interval ({@code ioc/v1/{site}/camera/{id}/stats}).
 *
 * @param lines  vehicles that crossed each counting line, per direction and class
 * @param lanes  per lane: occupancy, vehicles present, mean speed, queue, stopped objects
 * @param health image health, so a blind camera is noticed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties({"site", "camera"})
public record CameraStats(
        String agent, long seq, String site, String camera,
        Instant start, Instant end,
        List<LineCount> lines, List<LaneStats> lanes, ImageHealth health) {

    public CameraStats {
        lines = lines == null ? List.of() : List.copyOf(lines);
        lanes = lanes == null ? List.of() : List.copyOf(lanes);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LineCount(String line, String direction, Map<String, Integer> counts) {
        public LineCount {
            counts = Map.copyOf(counts);
        }
    }

    /**
     * @param occupancy percent of the interval the lane was occupied
     * @param present   mean number of vehicles in the lane
     * @param speedKmh  mean speed, null when the camera is not calibrated
     * @param queueM    queue length in metres (0 when calibration is missing and no queue is seen)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LaneStats(String lane, double occupancy, double present, Double speedKmh, double queueM, int stopped) {
    }

    /**
     * @param brightness mean luminance in [0, 1]
     * @param sharpness  variance of the Laplacian, normalised to [0, 1]
     * @param frozen     the picture has not changed over the interval
     * @param fps        frames analysed per second
     */
    public record ImageHealth(double brightness, double sharpness, boolean frozen, double fps) {
    }
}
