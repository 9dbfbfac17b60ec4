package vn.ioc.console.alert;

import java.time.Clock;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import vn.ioc.console.system.NotFoundException;

/** The public alerts, without login: a page, an Atom feed, and each alert as a CAP 1.2 message. */
@Controller
class PublicAlertController {

    static final String CENTER = "Trung tâm Giám sát, điều hành đô thị thông minh tỉnh Thừa Thiên Huế";
    static final MediaType CAP = MediaType.parseMediaType("application/cap+xml;charset=UTF-8");
    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    private final AlertRepository alerts;
    private final Clock clock;

    PublicAlertController(AlertRepository alerts, Clock clock) {
        this.alerts = alerts;
        this.clock = clock;
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/public/alerts").toUriString();
    }

    @GetMapping("/public/alerts")
    String page(Model model) {
        model.addAttribute("alerts", alerts.current().stream().map(AlertView::of).toList());
        return "public-alerts";
    }

    @GetMapping("/public/alerts.atom")
    @ResponseBody
    ResponseEntity<String> atom() {
        return ResponseEntity.ok().contentType(ATOM).body(new AtomFeed("Cảnh báo công cộng – IOC Huế / Public alerts", base())
                .write(alerts.current(), clock.instant()));
    }

    @GetMapping("/public/alerts/{id}.cap")
    @ResponseBody
    ResponseEntity<String> cap(@PathVariable String id) {
        PublicAlert a = alerts.find(id).orElseThrow(() -> new NotFoundException("no public alert for '" + id + "'"));
        return ResponseEntity.ok().contentType(CAP).body(new CapMessage("ioc.thuathienhue", CENTER, base()).write(a));
    }

    /** One alert as the page shows it; the page names the type in the reader's language. */
    record AlertView(String id, String type, String headline, String description, String ward, String since, boolean inForce) {

        static AlertView of(PublicAlert a) {
            return new AlertView(a.incident().id(), a.incident().type().name(), a.headline(), a.description(),
                    a.incident().ward(), CapMessage.time(a.publishedAt()).replace('T', ' ').substring(0, 16), a.inForce());
        }
    }
}
