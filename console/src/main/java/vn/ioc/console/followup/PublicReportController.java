package vn.ioc.console.followup;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

import vn.ioc.console.photo.PhotoRepository;
import vn.ioc.console.report.ReportProgress;
import vn.ioc.console.report.ReportProgress.Followed;
import vn.ioc.console.system.NotFoundException;

/**
 * Citizens follow their report with its tracking code, without login: a page and its JSON, and
 * posts that rate the answer or reopen the report. The posts have no CSRF check (like Open311,
 * there is no session to ride on) and are rate-limited per client address. Forms are answered
 * with a redirect back to the page, JSON with the report.
 */
@Controller
class PublicReportController {

    /** What a rating or reopening carries; stars only for a rating. */
    record Feedback(Integer stars, String comment) {
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
    ModelAndView page(@PathVariable String code) {
        return progress.follow(code)
                .map(f -> new ModelAndView("public-report").addObject("report", view(f)))
                .orElseGet(() -> new ModelAndView("public-report", HttpStatus.NOT_FOUND).addObject("code", code));
    }

    @GetMapping(value = "/public/reports/{code}.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    PublicReportView json(@PathVariable String code) {
        return view(progress.follow(code).orElseThrow(() -> new NotFoundException("no report '" + code + "'")));
    }

    @PostMapping(value = "/public/reports/{code}/rating", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    RedirectView rateByForm(@PathVariable String code, @ModelAttribute Feedback feedback, HttpServletRequest request) {
        limiter.count(request.getRemoteAddr());
        return backToPage(progress.rate(code, feedback.stars(), feedback.comment()));
    }

    @PostMapping(value = "/public/reports/{code}/rating", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    PublicReportView rate(@PathVariable String code, @RequestBody Feedback feedback, HttpServletRequest request) {
        limiter.count(request.getRemoteAddr());
        return PublicReportView.of(progress.rate(code, feedback.stars(), feedback.comment()));
    }

    @PostMapping(value = "/public/reports/{code}/reopen", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    RedirectView reopenByForm(@PathVariable String code, @ModelAttribute Feedback feedback, HttpServletRequest request) {
        limiter.count(request.getRemoteAddr());
        return backToPage(progress.reopen(code, feedback.comment()));
    }

    @PostMapping(value = "/public/reports/{code}/reopen", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    PublicReportView reopen(@PathVariable String code, @RequestBody(required = false) Feedback feedback, HttpServletRequest request) {
        limiter.count(request.getRemoteAddr());
        return PublicReportView.of(progress.reopen(code, feedback == null ? null : feedback.comment()));
    }

    private PublicReportView view(Followed f) {
        return PublicReportView.of(f, photos.numbers(f.report().id()));
    }

    /** Post/redirect/get: a reload of the page does not post again. */
    private static RedirectView backToPage(Followed f) {
        RedirectView page = new RedirectView("/public/reports/" + f.report().id(), true);
        page.setStatusCode(HttpStatus.SEE_OTHER);
        return page;
    }
}
