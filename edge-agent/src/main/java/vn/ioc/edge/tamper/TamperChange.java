package vn.ioc.edge.tamper;

/**
 * A tamper condition began ({@code started}) or ended (the all-clear).
 *
 * @param seconds the time of the frame that decided it, on the caller's clock (video time or wall time)
 */
public record TamperChange(TamperReason reason, boolean started, double seconds) {
}
