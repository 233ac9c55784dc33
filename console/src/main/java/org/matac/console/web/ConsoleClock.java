package org.matac.console.web;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The one place the console reads the time, so pages that compare dates can be tested. */
@Factory
class ConsoleClock {

  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }
}
