package vn.ioc.console.followup;

import java.util.Locale;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

import vn.ioc.console.photo.PhotoRepository;
import vn.ioc.console.report.FollowUpKeyException;
import vn.ioc.console.report.ReportProgress;
import vn.ioc.console.report.ReportProgress.Followed;
import vn.ioc.console.report.TrackingCode;
import vn.ioc.console.system.NotFoundException;

/**
 * Citizens follow their report with its tracking code, without login: a page and its JSON, and
 * posts that rate the answer or reopen the report. Reading needs the code alone; rating and
 * reopening also need the report's follow-up key (given only to whoever filed it), as a
 * {@code key} form or JSON field or query parameter, and the page offers them only when opened
 * with the key ({@code ?key=…}). The posts have no CSRF check (like Open311, there is no session
 * to ride on) and are rate-limited per client address, which also bounds guessing keys. Forms
 * are answered with a redirect back to the page (a refused key with the page and the reason),
 * JSON with the report.
 */
@Controller
class PublicReportController {

    /** What a rating or reopening carries; stars only for a rating. */
    record Feedback(Integer stars, String comment, String key) {
    }

    private final ReportProgress progress;
    private final PublicReportRateLimiter limiter;
    private final PhotoRepository photos;

    PublicReportController(ReportProgress progress, PublicReportRateLimiter limiter, PhotoRepository photos) {
        this.progress = progress;
        this.limiter = limiter;
        this.photos = photos;
    }

    @GetMapping("/public/reports/{code}")
    ModelAndView page(@PathVariable String code, @RequestParam(required = false) String key) {
        return progress.follow(code)
                .map(f -> page(f, key, HttpStatus.OK))
                .orElseGet(() -> new ModelAndView("public-report", HttpStatus.NOT_FOUND).addObject("code", code));
    }

    @GetMapping(value = "/public/reports/{code}.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    PublicReportView json(@PathVariable String code) {
        return view(progress.follow(code).orElseThrow(() -> new NotFoundException("no report '" + code + "'")));
    }

    @PostMapping(value = "/public/reports/{code}/rating", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ModelAndView rateByForm(@PathVariable String code, @ModelAttribute Feedback feedback, HttpServletRequest request) {
        limiter.count(request.getRemoteAddr());
        return byForm(code, feedback, () -> progress.rate(code, feedback.key(), feedback.stars(), feedback.comment()));
    }

    @PostMapping(value = "/public/reports/{code}/rating", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    PublicReportView rate(@PathVariable String code, @RequestBody Feedback feedback, @RequestParam(name = "key", required = false) String key,
                          HttpServletRequest request) {
        limiter.count(request.getRemoteAddr());
        return PublicReportView.of(progress.rate(code, key(feedback, key), feedback.stars(), feedback.comment()));
    }

    @PostMapping(value = "/public/reports/{code}/reopen", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ModelAndView reopenByForm(@PathVariable String code, @ModelAttribute Feedback feedback, HttpServletRequest request) {
        limiter.count(request.getRemoteAddr());
        return byForm(code, feedback, () -> progress.reopen(code, feedback.key(), feedback.comment()));
    }

    @PostMapping(value = "/public/reports/{code}/reopen", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    PublicReportView reopen(@PathVariable String code, @RequestBody(required = false) Feedback feedback,
                            @RequestParam(name = "key", required = false) String key, HttpServletRequest request) {
        limiter.count(request.getRemoteAddr());
        return PublicReportView.of(progress.reopen(code, key(feedback, key), feedback == null ? null : feedback.comment()));
    }

    /** The key from the JSON body, else from the query. */
    private static String key(Feedback feedback, String fromQuery) {
        return feedback != null && feedback.key() != null ? feedback.key() : fromQuery;
    }

    /**
     * Post/redirect/get: a reload of the page does not post again; the redirect keeps the key so
     * that the citizen can still reopen after rating. A refused key shows the page with the reason.
     */
    private ModelAndView byForm(String code, Feedback feedback, Supplier<Followed> change) {
        try {
            Followed f = change.get();
            RedirectView page = new RedirectView(UriComponentsBuilder.fromPath("/public/reports/{id}").queryParam("key", "{key}")
                    .encode().buildAndExpand(f.report().id(), TrackingCode.normalize(feedback.key())).toUriString(), true);
            page.setStatusCode(HttpStatus.SEE_OTHER);
            return new ModelAndView(page);
        } catch (FollowUpKeyException e) {
            Followed f = progress.follow(code).orElseThrow();
            return page(f, null, HttpStatus.FORBIDDEN).addObject("keyProblem", e.reason().name().toLowerCase(Locale.ROOT));
        }
    }

    /**
     * The status page; with the report's key it carries the key to the rating and reopening
     * forms, with a wrong one it says why there are none.
     */
    private ModelAndView page(Followed f, String key, HttpStatus status) {
        ModelAndView page = new ModelAndView("public-report", status).addObject("report", view(f));
        if (key != null && !key.isBlank()) {
            try {
                progress.checkKey(f.report().id(), key);
                page.addObject("key", TrackingCode.normalize(key));
            } catch (FollowUpKeyException e) {
                page.addObject("keyProblem", e.reason().name().toLowerCase(Locale.ROOT));
            }
        }
        return page;
    }

    private PublicReportView view(Followed f) {
        return PublicReportView.of(f, photos.numbers(f.report().id()));
    }
}
