package vn.ioc.console.device;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DeviceController {

    private final DeviceRepository devices;

    DeviceController(DeviceRepository devices) {
        this.devices = devices;
    }

    @GetMapping("/api/devices")
    List<DeviceView> list() {
        return devices.all().stream().map(DeviceView::of).toList();
    }
}
