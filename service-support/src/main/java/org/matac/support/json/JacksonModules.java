package org.matac.support.json;

import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * The Jackson modules every service registers, by name. Module scanning is off ({@code
 * jackson.module-scan: false}) because the embedded Kafka broker on test class paths brings a Scala
 * module built for another Jackson version.
 */
@Factory
public class JacksonModules {

  @Singleton
  Module javaTime() {
    return new JavaTimeModule();
  }

  @Singleton
  Module optionals() {
    return new Jdk8Module();
  }
}
