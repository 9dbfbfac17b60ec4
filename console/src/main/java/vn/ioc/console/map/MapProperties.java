package vn.ioc.console.map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The base map ({@code ioc.map.*}; defaults and environment variables in application.yml).
 *
 * @param tileUrl     XYZ tile template ({@code IOC_MAP_TILE_URL}), OpenStreetMap by default
 * @param attribution shown in the map corner as given ({@code IOC_MAP_ATTRIBUTION}): operator configuration, may hold a link
 * @param centerLat   first view ({@code IOC_MAP_CENTER_LAT}), Huế 16.4637
 * @param centerLon   first view ({@code IOC_MAP_CENTER_LON}), Huế 107.5909
 * @param zoom        first zoom level ({@code IOC_MAP_ZOOM}), 13
 */
@ConfigurationProperties("ioc.map")
public record MapProperties(String tileUrl, String attribution, double centerLat, double centerLon, int zoom) {
}
