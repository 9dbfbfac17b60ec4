package vn.ioc.console.report;

/** A report's state changed on this console (an agency's answer, a citizen's reopening): operators' maps follow. */
public record ReportChanged(String id, String status) {
}
