package vn.ioc.edge.sensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.procimg.SimpleInputRegister;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;

import tools.jackson.dataformat.yaml.YAMLMapper;

import vn.ioc.ingest.contract.Measurement;

/**
 * Modbus RTU frames against j2mod's own slave, carried over TCP as a serial-to-Ethernet
 * gateway carries them. The serial line itself (jSerialComm on a real port) is not exercised here.
 */
class ModbusRtuAdapterTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private static final int UNIT = 7;
    private ModbusSlave slave;

    @AfterEach
    void stopSlave() {
        if (slave != null) {
            ModbusSlaveFactory.close(slave);
        }
    }

    private int startSlave() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        SimpleProcessImage image = new SimpleProcessImage(UNIT);
        image.addRegister(new SimpleRegister(-125 & 0xffff)); // 0: water level in tenths of cm, signed
        int bits = Float.floatToIntBits(29.75f);
        image.addRegister(new SimpleRegister(bits >>> 16)); // 1-2: temperature, float, high word first
        image.addRegister(new SimpleRegister(bits & 0xffff));
        image.addInputRegister(new SimpleInputRegister(0x0001)); // input 0-1: energy, uint32, low word first
        image.addInputRegister(new SimpleInputRegister(0x0002)); // = 0x0002_0001
        slave = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), port, 2, true);
        slave.addProcessImage(UNIT, image);
        slave.open();
        return port;
    }

    private ModbusRtuAdapter adapter(int port, String extraRegister) throws Exception {
        String yaml = """
                type: modbus-rtu
                gateway: 127.0.0.1:%d
                unitId: %d
                timeoutSeconds: 2
                registers:
                  - {metric: water_level, unit: cm, address: 0, format: int16, scale: 0.1}
                  - {metric: temperature, unit: Cel, address: 1, format: float32}
                  - {metric: energy, unit: Wh, address: 0, table: input, format: uint32, wordOrder: little}
                %s
                """.formatted(port, UNIT, extraRegister);
        SensorAdapters factory = new SensorAdapters(name -> null, Clock.fixed(NOW, ZoneOffset.UTC));
        return (ModbusRtuAdapter) factory.create("gauge-1", new YAMLMapper().readTree(yaml), "sensor 'gauge-1'");
    }

    @Test
    void registersAreDecodedByFormatWordOrderAndScale() throws Exception {
        int port = startSlave();
        try (ModbusRtuAdapter a = adapter(port, "")) {
            List<Measurement> m = a.poll();

            assertThat(m).hasSize(3);
            assertThat(m.get(0).metric()).isEqualTo("water_level");
            assertThat(m.get(0).value()).isCloseTo(-12.5, org.assertj.core.api.Assertions.within(1e-9));
            assertThat(m.get(1)).isEqualTo(new Measurement("temperature", "Cel", 29.75, NOW));
            assertThat(m.get(2)).isEqualTo(new Measurement("energy", "Wh", 0x0002_0001, NOW));
        }
    }

    @Test
    void registerTheDeviceRefusesIsSkippedAndTheOthersKept() throws Exception {
        int port = startSlave();
        try (ModbusRtuAdapter a = adapter(port, "  - {metric: humidity, unit: '%RH', address: 40, format: uint16}")) {
            List<Measurement> m = a.poll();
            assertThat(m).extracting(Measurement::metric).containsExactly("water_level", "temperature", "energy");
        }
    }

    @Test
    void unreachableGatewayThrowsException() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (ModbusRtuAdapter a = adapter(port, "")) {
            assertThatThrownBy(a::poll).isInstanceOf(ModbusException.class).hasMessageContaining("cannot connect");
        }
    }

    @Test
    void decodingOfEachFormat() {
        assertThat(register(ModbusRegister.Format.INT16, false).decode(new int[] {0xffff})).isEqualTo(-1);
        assertThat(register(ModbusRegister.Format.UINT16, false).decode(new int[] {0xffff})).isEqualTo(65535);
        assertThat(register(ModbusRegister.Format.INT32, false).decode(new int[] {0xffff, 0xfffe})).isEqualTo(-2);
        assertThat(register(ModbusRegister.Format.UINT32, true).decode(new int[] {0x0000, 0x8000})).isEqualTo(2147483648.0);
        assertThat(register(ModbusRegister.Format.FLOAT32, false).decode(new int[] {0x4049, 0x0fdb})).isCloseTo(Math.PI,
                org.assertj.core.api.Assertions.within(1e-6));
    }

    private static ModbusRegister register(ModbusRegister.Format format, boolean swap) {
        return new ModbusRegister("x", "u", ModbusRegister.Table.HOLDING, 0, format, swap, 1);
    }
}
