package vn.ioc.edge;

/** A replay configuration that cannot be used; the message names the site and the field. */
public final class InvalidConfigException extends Exception {

    public InvalidConfigException(String message) {
        super(message);
    }

    public InvalidConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
