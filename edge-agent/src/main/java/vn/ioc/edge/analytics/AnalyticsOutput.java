package vn.ioc.edge.analytics;

/** What {@link CameraAnalytics} reports: interval statistics or an event. Times are video seconds. */
public sealed interface AnalyticsOutput permits IntervalStats, AnalyticsEvent {

    /** When it happened: the end of the interval, or the event's frame. */
    double seconds();
}
