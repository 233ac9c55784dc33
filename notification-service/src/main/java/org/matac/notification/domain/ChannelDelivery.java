package org.matac.notification.domain;

import java.time.Instant;

/** A delivery as its worker sees it: the channel, its state and tries, never the address. */
public record ChannelDelivery(
    String channel,
    String status,
    int attempts,
    Instant updatedAt,
    Instant dueAt,
    String lastError) {}
