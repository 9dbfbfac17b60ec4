/* The camera pages (citizens' shared cameras and the operators' wall). Strict JSON inside
   I18n.add(...): LanguageBundlesTest reads it. */
I18n.add({
  "vi": {
    "shared.title": "Camera giao thông – Huế",
    "shared.heading": "Camera giao thông",
    "shared.privacy": "Hình ảnh đã làm mờ khuôn mặt và biển số.",
    "shared.none": "Chưa có camera chia sẻ.",
    "wall.title": "Tường camera – IOC Huế",
    "wall.heading": "Tường camera",
    "wall.map": "Bản đồ",
    "wall.dashboard": "Bảng điều khiển",
    "wall.none": "Chưa có camera.",
    "wall.internal": "nội bộ",
    "wall.online": "{online} / {total} camera trực tuyến",
    "live": "Trực tuyến",
    "noSignal": "Mất tín hiệu",
    "noSignalBecause": "Mất tín hiệu: {reason}"
  },
  "en": {
    "shared.title": "Traffic cameras – Huế",
    "shared.heading": "Traffic cameras",
    "shared.privacy": "Faces and number plates are blurred.",
    "shared.none": "No shared camera yet.",
    "wall.title": "Camera wall – IOC Huế",
    "wall.heading": "Camera wall",
    "wall.map": "Map",
    "wall.dashboard": "Dashboard",
    "wall.none": "No camera yet.",
    "wall.internal": "internal",
    "wall.online": "{online} / {total} cameras online",
    "live": "Live",
    "noSignal": "No signal",
    "noSignalBecause": "No signal: {reason}"
  }
});
