package org.matac.notification.domain;

/** The flags scoring last published for a person: serial, escalating. */
public record Flags(boolean serial, boolean escalating) {

  public static final Flags NONE = new Flags(false, false);
}
