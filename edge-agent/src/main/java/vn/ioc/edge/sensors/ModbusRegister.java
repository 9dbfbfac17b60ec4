package vn.ioc.edge.sensors;

/**
 * Where one metric sits in a Modbus device and how its 16-bit registers make a number.
 *
 * @param address   the first register, zero-based as on the wire (register 40001 is address 0)
 * @param swapWords for 32-bit formats: the low word comes first (many meters), instead of the high word
 * @param scale     what the decoded number is multiplied by, e.g. 0.1 for a value sent in tenths
 */
public record ModbusRegister(String metric, String unit, Table table, int address, Format format, boolean swapWords, double scale) {

    /** Holding registers (function 3) or input registers (function 4). */
    public enum Table { HOLDING, INPUT }

    public enum Format {
        INT16(1), UINT16(1), INT32(2), UINT32(2), FLOAT32(2);

        final int registers;

        Format(int registers) {
            this.registers = registers;
        }

        public int registers() {
            return registers;
        }
    }

    /** The number the registers hold, before scaling. */
    public double decode(int[] words) {
        if (words.length != format.registers) {
            throw new IllegalArgumentException("expected " + format.registers + " registers for " + format + " but was " + words.length);
        }
        int hi = words[0] & 0xffff;
        int lo = words.length > 1 ? words[1] & 0xffff : 0;
        if (swapWords) {
            int t = hi;
            hi = lo;
            lo = t;
        }
        int bits = (hi << 16) | lo;
        return switch (format) {
            case INT16 -> (short) hi;
            case UINT16 -> hi;
            case INT32 -> bits;
            case UINT32 -> bits & 0xffffffffL;
            case FLOAT32 -> Float.intBitsToFloat(bits);
        };
    }
}
