package vn.ioc.edge.sensors;

/**
 * A source of one sensor's readings. {@link #start} begins delivering to the sink on the
 * adapter's own thread; a reading that cannot be taken is logged and skipped, and the adapter
 * keeps going until {@link #close()}.
 */
public interface SensorAdapter extends AutoCloseable {

    /** The sensor's id on its site, as in the topic. */
    String sensorId();

    /** Starts delivering; once only. */
    void start(ReadingSink sink);

    /** Stops delivering and frees the adapter's thread; a reading in progress may still arrive. */
    @Override
    void close();
}
