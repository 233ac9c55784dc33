package org.matac.console;

import io.micronaut.runtime.Micronaut;

/** The web pages people work in, rendered on the server over the three services' APIs. */
public class ConsoleApplication {

  public static void main(String[] args) {
    Micronaut.build(args).mainClass(ConsoleApplication.class).banner(false).start();
  }
}
