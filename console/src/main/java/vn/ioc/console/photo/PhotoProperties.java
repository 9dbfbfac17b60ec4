package vn.ioc.console.photo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Citizens' photos ({@code ioc.photos.*}; defaults and environment variables in application.yml).
 *
 * @param maxPerReport {@code IOC_PHOTOS_MAX_PER_REPORT}, default 3: photos one report may carry
 * @param maxFileSize  {@code IOC_PHOTOS_MAX_FILE_SIZE}, default 8MB: one upload as sent; Spring's
 *                     multipart limit is set from the same variable
 * @param maxPixels    {@code IOC_PHOTOS_MAX_PIXELS}, default 24000000: width × height read from the
 *                     header; a larger image is refused before it is decoded
 * @param maxSide      {@code IOC_PHOTOS_MAX_SIDE}, default 1920: the stored JPEG's longer side at most
 * @param quality      {@code IOC_PHOTOS_QUALITY}, default 0.85: the stored JPEG's quality, 0..1
 */
@ConfigurationProperties("ioc.photos")
public record PhotoProperties(int maxPerReport, DataSize maxFileSize, long maxPixels, int maxSide, float quality) {

    public static PhotoProperties defaults() {
        return new PhotoProperties(3, DataSize.ofMegabytes(8), 24_000_000, 1920, 0.85f);
    }
}
