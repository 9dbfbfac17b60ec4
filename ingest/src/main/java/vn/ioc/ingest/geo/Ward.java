package vn.ioc.ingest.geo;

import org.locationtech.jts.geom.Geometry;

/**
 * A ward (phường) or commune (xã) with its boundary.
 *
 * @param code     the census commune code, stable across renamings
 * @param name     Vietnamese name, e.g. "Phường Phú Hội"
 * @param district Vietnamese name of its district or city
 */
public record Ward(String code, String name, String nameAscii, String district, long population, Geometry boundary) {
}
