package vn.ioc.edge.sensors;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.ghgande.j2mod.modbus.Modbus;
import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.facade.AbstractModbusMaster;
import com.ghgande.j2mod.modbus.facade.ModbusSerialMaster;
import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.util.SerialParameters;

import vn.ioc.ingest.contract.Measurement;

/**
 * A Modbus RTU device (a water-level gauge, an energy meter, a weather station) read every
 * interval, on a serial line or through a serial-to-Ethernet gateway that passes RTU frames
 * over TCP. A device that does not answer is logged and tried again at the next poll; a
 * register that cannot be read is skipped while the others still go out.
 */
public final class ModbusRtuAdapter implements SensorAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ModbusRtuAdapter.class);

    /** The line: a serial port with its settings, or an RTU-over-TCP gateway. */
    public sealed interface Line permits Serial, Gateway {
    }

    /** @param parity {@code none}, {@code even} or {@code odd} */
    public record Serial(String port, int baud, int dataBits, String parity, int stopBits) implements Line {
    }

    public record Gateway(String host, int port) implements Line {
    }

    private final String sensorId;
    private final Line line;
    private final int unitId;
    private final PollingSchedule schedule;
    private final Duration timeout;
    private final List<ModbusRegister> registers;
    private final Clock clock;
    private AbstractModbusMaster master;

    public ModbusRtuAdapter(String sensorId, Line line, int unitId, Duration interval, Duration timeout,
                            List<ModbusRegister> registers, Clock clock) {
        if (registers.isEmpty()) {
            throw new IllegalArgumentException("sensor '" + sensorId + "': expected at least one register to read but there are none");
        }
        this.sensorId = sensorId;
        this.line = line;
        this.unitId = unitId;
        this.schedule = new PollingSchedule(sensorId, interval, timeout.plusSeconds(1));
        this.timeout = timeout;
        this.registers = List.copyOf(registers);
        this.clock = clock;
    }

    @Override
    public String sensorId() {
        return sensorId;
    }

    @Override
    public void start(ReadingSink sink) {
        schedule.start(sink, this::poll, "Modbus unit " + unitId + " on " + describe(line));
    }

    /**
     * One read of every register. A register the device refuses is logged and left out.
     *
     * @throws ModbusException when the device cannot be reached at all
     */
    public synchronized List<Measurement> poll() throws ModbusException {
        connect();
        Instant now = clock.instant();
        List<Measurement> out = new ArrayList<>(registers.size());
        for (ModbusRegister r : registers) {
            try {
                InputRegister[] words = r.table() == ModbusRegister.Table.HOLDING
                        ? master.readMultipleRegisters(unitId, r.address(), r.format().registers())
                        : master.readInputRegisters(unitId, r.address(), r.format().registers());
                int[] values = new int[words.length];
                for (int i = 0; i < words.length; i++) {
                    values[i] = words[i].getValue();
                }
                out.add(new Measurement(r.metric(), r.unit(), r.decode(values) * r.scale(), now));
            } catch (ModbusException e) {
                LOG.warn("sensor '{}': Modbus unit {} on {}: reading '{}' at {} {} failed: {}; skipped", sensorId, unitId,
                        describe(line), r.metric(), r.table().name().toLowerCase(), r.address(), e.getMessage());
                if (!master.isConnected()) {
                    disconnect();
                    break;
                }
            }
        }
        return out;
    }

    private void connect() throws ModbusException {
        if (master != null && master.isConnected()) {
            return;
        }
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        AbstractModbusMaster m = line instanceof Serial s
                ? new ModbusSerialMaster(serialParameters(s), millis)
                : new ModbusTCPMaster(((Gateway) line).host(), ((Gateway) line).port(), millis, true, true);
        try {
            m.connect();
        } catch (Exception e) {
            m.disconnect();
            throw new ModbusException("cannot connect: " + e.getMessage());
        }
        master = m;
    }

    private static SerialParameters serialParameters(Serial s) {
        SerialParameters p = new SerialParameters();
        p.setPortName(s.port());
        p.setBaudRate(s.baud());
        p.setDatabits(s.dataBits());
        p.setParity(s.parity().substring(0, 1).toUpperCase() + s.parity().substring(1));
        p.setStopbits(s.stopBits());
        p.setEncoding(Modbus.SERIAL_ENCODING_RTU);
        return p;
    }

    private synchronized void disconnect() {
        if (master != null) {
            master.disconnect();
            master = null;
        }
    }

    private static String describe(Line line) {
        if (line instanceof Serial s) {
            return s.port() + " (" + s.baud() + " " + s.dataBits() + s.parity().toUpperCase().charAt(0) + s.stopBits() + ")";
        }
        Gateway g = (Gateway) line;
        return "gateway " + g.host() + ":" + g.port();
    }

    @Override
    public void close() {
        schedule.stop();
        disconnect();
    }
}
