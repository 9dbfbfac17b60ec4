package vn.ioc.streaming.nab;

import java.util.List;

/**
 * One data file as read: the key ({@code "realTraffic/speed_6005.csv"}), each row's text as it
 * stands in the file (written back unchanged next to the scores) and its parsed time (epoch
 * milliseconds, UTC) and value.
 */
public record NabData(String file, List<String> timestampTexts, List<String> valueTexts, long[] timestamps, double[] values) {

    public int size() {
        return timestamps.length;
    }
}
