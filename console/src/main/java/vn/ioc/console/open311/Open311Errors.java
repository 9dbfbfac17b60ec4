package vn.ioc.console.open311;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import vn.ioc.console.report.InvalidReportException;
import vn.ioc.console.report.UnknownCategoryException;

/**
 * Errors of the Open311 API in the spec's format: {@code [{"code": 400, "description": "..."}]}.
 * Before Spring's problem details, which would otherwise answer an upload over the limits.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(basePackageClasses = Open311Errors.class)
class Open311Errors {

    record Error(int code, String description) {
    }

    private final String photoLimit;
    private final String requestLimit;

    Open311Errors(@Value("${spring.servlet.multipart.max-file-size:1MB}") String photoLimit,
                  @Value("${spring.servlet.multipart.max-request-size:10MB}") String requestLimit) {
        this.photoLimit = photoLimit;
        this.requestLimit = requestLimit;
    }

    @ExceptionHandler
    ResponseEntity<List<Error>> open311(Open311Exception e) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON);
        if (e.retryAfterSeconds() != null) {
            answer.header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
        }
        return answer.body(List.of(new Error(e.status().value(), e.getMessage())));
    }

    @ExceptionHandler
    ResponseEntity<List<Error>> invalid(InvalidReportException e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<List<Error>> unknown(UnknownCategoryException e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage());
    }

    /** Over Spring's multipart limits (spring.servlet.multipart.*, parsed lazily so that this advice sees it). */
    @ExceptionHandler
    ResponseEntity<List<Error>> tooLarge(MaxUploadSizeExceededException e) {
        return error(HttpStatus.CONTENT_TOO_LARGE, "the upload is too large: each photo may have at most "
                + photoLimit + " and the whole request at most " + requestLimit);
    }

    static ResponseEntity<List<Error>> error(HttpStatus status, String description) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(List.of(new Error(status.value(), description)));
    }
}
