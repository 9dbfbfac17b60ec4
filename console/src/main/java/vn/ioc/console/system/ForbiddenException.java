package vn.ioc.console.system;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The caller may not touch this: a 403 with a problem detail saying why. */
public class ForbiddenException extends ErrorResponseException {

    public ForbiddenException(String detail) {
        super(HttpStatus.FORBIDDEN, ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail), null);
    }
}
