package org.matac.notification.domain;

/** A victim as the agencies record them: by the recording agency and its reference. */
public record VictimKey(String source, String victimRef) {}
