package vn.ioc.console.photo;

import vn.ioc.console.report.InvalidReportException;

/** A photo that is refused, so its whole report is; the message says which photo and why. */
public class InvalidPhotoException extends InvalidReportException {

    public InvalidPhotoException(String message) {
        super(message);
    }
}
