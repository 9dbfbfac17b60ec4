package vn.ioc.console.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import vn.ioc.console.TestIncidents;
import vn.ioc.console.TestUsers;
import vn.ioc.console.WebSliceConfig;
import vn.ioc.console.security.AppUserRepository;
import vn.ioc.console.security.AppUserRepository.Role;
import vn.ioc.ingest.contract.Incident;
import vn.ioc.ingest.testing.TestDatabase;

/** Operators publish alerts; anyone reads them as a page, an Atom feed and CAP 1.2 messages. */
@WebMvcTest
@Import(WebSliceConfig.class)
class PublicAlertApiTest {

    private static final String SCRIPT = "<script>alert('x')</script> & \"ngập\"";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestDatabase db;
    @Autowired
    AppUserRepository users;
    @Autowired
    PasswordEncoder encoder;

    private String operator;

    @BeforeEach
    void operatorExists() {
        operator = TestUsers.create(users, encoder, Role.OPERATOR);
    }

    private Incident stored() {
        Incident i = TestIncidents.open("alert-" + System.nanoTime(), Instant.now().minus(5, ChronoUnit.MINUTES));
        TestIncidents.store(db, i);
        return i;
    }

    private ResultActions publish(String id, String json) throws Exception {
        return mvc.perform(post("/api/incidents/{id}/public-alert", id).with(httpBasic(operator, TestUsers.PASSWORD)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private static Document xml(String body) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(Document d, String ns, String tag) {
        var nodes = d.getElementsByTagNameNS(ns, tag);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }

    private Document cap(String id) throws Exception {
        String body = mvc.perform(get("/public/alerts/{id}.cap", id))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/cap+xml"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return xml(body);
    }

    @Test
    void aPublishedAlertIsACapMessageAnAtomEntryAndOnThePageWithItsTextAsText() throws Exception {
        Incident i = stored();
        publish(i.id(), "{\"headline\":\"Kẹt xe trên Lê Duẩn " + SCRIPT.replace("\"", "\\\"") + "\","
                + "\"description\":\"Tránh đường Lê Duẩn / Avoid Lê Duẩn\"}").andExpect(status().isNoContent());

        Document cap = cap(i.id());
        String ns = CapMessage.NS;
        assertThat(cap.getDocumentElement().getLocalName()).isEqualTo("alert");
        assertThat(cap.getDocumentElement().getNamespaceURI()).isEqualTo(ns);
        assertThat(text(cap, ns, "msgType")).isEqualTo("Alert");
        assertThat(text(cap, ns, "status")).isEqualTo("Actual");
        assertThat(text(cap, ns, "scope")).isEqualTo("Public");
        assertThat(text(cap, ns, "sent")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+07:00");
        assertThat(text(cap, ns, "references")).isNull();
        assertThat(text(cap, ns, "category")).isEqualTo("Transport");
        assertThat(text(cap, ns, "severity")).isEqualTo("Severe"); // a HIGH incident
        assertThat(text(cap, ns, "certainty")).isEqualTo("Likely"); // one camera: confidence 0.6
        assertThat(text(cap, ns, "urgency")).isEqualTo("Immediate");
        assertThat(text(cap, ns, "headline")).isEqualTo("Kẹt xe trên Lê Duẩn " + SCRIPT);
        assertThat(text(cap, ns, "areaDesc")).isEqualTo("Phường Đông Ba");
        assertThat(text(cap, ns, "circle")).isEqualTo(String.format(java.util.Locale.ROOT, "%.5f,%.5f 0.5", TestIncidents.LAT, TestIncidents.LON));

        String atom = mvc.perform(get("/public/alerts.atom"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/atom+xml"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Document feed = xml(atom);
        var entries = feed.getElementsByTagNameNS(AtomFeed.NS, "entry");
        Element entry = null;
        for (int k = 0; k < entries.getLength(); k++) {
            Element e = (Element) entries.item(k);
            if (e.getElementsByTagNameNS(AtomFeed.NS, "id").item(0).getTextContent().endsWith("/" + i.id())) {
                entry = e;
            }
        }
        assertThat(entry).as("the alert's entry").isNotNull();
        assertThat(entry.getElementsByTagNameNS(AtomFeed.NS, "title").item(0).getTextContent()).isEqualTo("Kẹt xe trên Lê Duẩn " + SCRIPT);
        assertThat(((Element) entry.getElementsByTagNameNS(AtomFeed.NS, "link").item(0)).getAttribute("href"))
                .endsWith("/public/alerts/" + i.id() + ".cap");

        String page = mvc.perform(get("/public/alerts")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Tránh đường Lê Duẩn").contains("&lt;script&gt;").doesNotContain("<script>alert");
        assertThat(page).contains("Cảnh báo công cộng", "Ùn tắc giao thông").doesNotContain("Public alerts", "Congestion");
        String english = mvc.perform(get("/public/alerts").cookie(new jakarta.servlet.http.Cookie("ioc-lang", "en")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).contains("Public alerts", "Congestion", "Tránh đường Lê Duẩn").doesNotContain("Cảnh báo công cộng");
    }

    @Test
    void rewordingIsAnUpdateAndWithdrawingACancelBothReferringToTheFirstMessage() throws Exception {
        Incident i = stored();
        publish(i.id(), "{\"headline\":\"Ngập\",\"description\":\"Nước dâng\"}").andExpect(status().isNoContent());
        String first = text(cap(i.id()), CapMessage.NS, "identifier");
        Thread.sleep(1100); // CAP times are whole seconds
        publish(i.id(), "{\"headline\":\"Ngập sâu\",\"description\":\"Nước dâng 40 cm\"}").andExpect(status().isNoContent());
        Document update = cap(i.id());
        assertThat(text(update, CapMessage.NS, "msgType")).isEqualTo("Update");
        assertThat(text(update, CapMessage.NS, "references")).contains("," + first + ",");
        assertThat(text(update, CapMessage.NS, "identifier")).isNotEqualTo(first);

        Thread.sleep(1100);
        mvc.perform(delete("/api/incidents/{id}/public-alert", i.id()).with(httpBasic(operator, TestUsers.PASSWORD)).with(csrf()))
                .andExpect(status().isNoContent());
        Document cancel = cap(i.id());
        assertThat(text(cancel, CapMessage.NS, "msgType")).isEqualTo("Cancel");
        assertThat(text(cancel, CapMessage.NS, "urgency")).isEqualTo("Past");
        mvc.perform(delete("/api/incidents/{id}/public-alert", i.id()).with(httpBasic(operator, TestUsers.PASSWORD)).with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void onlyOperatorsPublishOnlyActiveIncidentsWithAHeadline() throws Exception {
        Incident i = stored();
        mvc.perform(post("/api/incidents/{id}/public-alert", i.id()).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"headline\":\"x\",\"description\":\"y\"}"))
                .andExpect(status().isUnauthorized());
        publish(i.id(), "{\"description\":\"y\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("expected a 'headline' for the public"));
        TestIncidents.store(db, TestIncidents.withStatus(i, Incident.Status.CLEARED));
        publish(i.id(), "{\"headline\":\"x\",\"description\":\"y\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("incident '" + i.id() + "' is CLEARED: only an active incident can be made a public alert"));
        mvc.perform(get("/public/alerts/{id}.cap", "no-such-alert")).andExpect(status().isNotFound());
    }
}
