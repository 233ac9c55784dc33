package org.matac.notification;

import io.micronaut.runtime.Micronaut;

public class NotificationApplication {

  public static void main(String[] args) {
    Micronaut.build(args).mainClass(NotificationApplication.class).banner(false).start();
  }
}
