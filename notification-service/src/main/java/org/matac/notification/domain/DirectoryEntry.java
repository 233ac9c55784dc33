package org.matac.notification.domain;

import java.time.Instant;

/** One worker in their agency's directory: where their e-mailed notices go, and who said so. */
public record DirectoryEntry(
    String workerId, String agency, String email, String updatedBy, Instant updatedAt) {}
