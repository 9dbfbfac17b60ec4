package vn.ioc.edge.sensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.ghgande.j2mod.modbus.Modbus;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import com.ghgande.j2mod.modbus.util.SerialParameters;

import tools.jackson.dataformat.yaml.YAMLMapper;

import vn.ioc.ingest.contract.Measurement;

/**
 * Modbus RTU on a serial line through jSerialComm: two pseudo-terminals joined by socat stand
 * for the cable, j2mod's serial slave sits on one end. Skipped where socat is not installed.
 */
class ModbusSerialLineTest {

    @TempDir
    Path dir;
    private Process socat;
    private ModbusSlave slave;

    @AfterEach
    void stop() throws Exception {
        if (slave != null) {
            ModbusSlaveFactory.close(slave);
        }
        if (socat != null) {
            socat.destroy();
            socat.waitFor();
        }
    }

    @Test
    void registerIsReadOverASerialLine() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/socat")), "socat is not installed");
        Path master = dir.resolve("ttyMaster");
        Path device = dir.resolve("ttyDevice");
        socat = new ProcessBuilder("/usr/bin/socat", "pty,raw,echo=0,link=" + master, "pty,raw,echo=0,link=" + device)
                .redirectErrorStream(true).start();
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(master) && Files.exists(device));

        SerialParameters params = new SerialParameters();
        params.setPortName(device.toRealPath().toString());
        params.setBaudRate(19200);
        params.setDatabits(8);
        params.setParity("None");
        params.setStopbits(1);
        params.setEncoding(Modbus.SERIAL_ENCODING_RTU);
        SimpleProcessImage image = new SimpleProcessImage(3);
        image.addRegister(new SimpleRegister(412));
        slave = ModbusSlaveFactory.createSerialSlave(params);
        slave.addProcessImage(3, image);
        slave.open();

        String yaml = """
                type: modbus-rtu
                port: %s
                baud: 19200
                unitId: 3
                timeoutSeconds: 2
                registers:
                  - {metric: water_level, unit: cm, address: 0, scale: 0.1}
                """.formatted(master.toRealPath());
        Instant now = Instant.parse("2026-11-23T08:00:00Z");
        SensorAdapters factory = new SensorAdapters(name -> null, Clock.fixed(now, ZoneOffset.UTC));
        try (ModbusRtuAdapter a = (ModbusRtuAdapter) factory.create("gauge-2", new YAMLMapper().readTree(yaml), "sensor 'gauge-2'")) {
            List<Measurement> m = a.poll();
            assertThat(m).hasSize(1);
            assertThat(m.get(0).value()).isCloseTo(41.2, org.assertj.core.api.Assertions.within(1e-9));
        }
    }
}
