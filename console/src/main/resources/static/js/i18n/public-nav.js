/* The citizens' pages' shared navigation. Strict JSON inside I18n.add(...): LanguageBundlesTest reads it. */
I18n.add({
  "vi": {
    "nav.label": "Trang cho người dân",
    "nav.map": "Bản đồ phản ánh",
    "nav.report": "Gửi phản ánh",
    "nav.cameras": "Camera giao thông",
    "nav.alerts": "Cảnh báo"
  },
  "en": {
    "nav.label": "Pages for citizens",
    "nav.map": "Map of reports",
    "nav.report": "Report a problem",
    "nav.cameras": "Traffic cameras",
    "nav.alerts": "Alerts"
  }
});
