package vn.ioc.console.incident;

/** An operator changed an incident: every connected console shows the new state. */
public record IncidentChanged(IncidentView incident) {
}
