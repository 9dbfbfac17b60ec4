package vn.ioc.streaming.job;

/**
 * One reading with where its device is, for comparing devices with their neighbours
 * ({@link WatchNeighbours}).
 *
 * @param site       the edge site the device belongs to
 * @param deviceType the type the site's birth message gave the device, which names its rules
 * @param lat        the site's latitude (degrees)
 * @param lon        the site's longitude (degrees)
 * @param time       the reading's event time, epoch ms
 */
public record PlacedReading(String site, String device, String deviceType, String metric, double lat, double lon, long time,
                            double value) {

    /** The side of a neighbourhood's cell: 0.05° is about 5.5 km north to south and 5.3 km east to west at Huế. */
    public static final double CELL_DEGREES = 0.05;

    /**
     * The key of this reading's neighbourhood: its metric and the cell of a 0.05° grid its site falls
     * in. Devices of one metric in one cell are neighbours, those of other cells are not, even a street
     * apart across a boundary: a fixed grid needs no registry of who is near whom, and a device near a
     * boundary still has the neighbours of its own cell.
     */
    public String neighbourhood() {
        return metric + "@" + (long) Math.floor(lat / CELL_DEGREES) + ":" + (long) Math.floor(lon / CELL_DEGREES);
    }

    /** The device across sites: a device's id is only unique within its site. */
    public String deviceId() {
        return site + "/" + device;
    }
}
