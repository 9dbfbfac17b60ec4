package vn.ioc.streaming.nab;

import java.util.Map;

/**
 * One profile's result: the threshold (one for all files: a row scoring at least this much is a
 * detection) and what it gives on all files and on each category's files.
 */
public record NabProfileScore(NabProfile profile, double threshold, NabScore all, Map<String, NabScore> categories) {

    public NabProfileScore {
        categories = Map.copyOf(categories);
    }

    public double normalised() {
        return all.normalised();
    }

    public double normalised(String category) {
        NabScore s = categories.get(category);
        if (s == null) {
            throw new IllegalArgumentException("no scored files of category '" + category + "'; scored: " + categories.keySet());
        }
        return s.normalised();
    }
}
