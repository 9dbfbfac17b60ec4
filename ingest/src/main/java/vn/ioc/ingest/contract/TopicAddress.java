package vn.ioc.ingest.contract;

/**
 * A parsed topic: what it carries and whom it is about. {@code site} and {@code device}
 * are set for edge topics ({@code device} is null for a site's status); {@code id} is set
 * for incident and report topics.
 */
public record TopicAddress(MessageKind kind, String site, String device, String id) {

    public static TopicAddress edge(MessageKind kind, String site, String device) {
        return new TopicAddress(kind, site, device, null);
    }

    public static TopicAddress central(MessageKind kind, String id) {
        return new TopicAddress(kind, null, null, id);
    }
}
