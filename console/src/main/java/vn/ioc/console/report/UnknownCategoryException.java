package vn.ioc.console.report;

/** No category (Open311 service) with this code. */
public class UnknownCategoryException extends RuntimeException {

    public UnknownCategoryException(String code) {
        super("no service with service_code '" + code + "'");
    }
}
