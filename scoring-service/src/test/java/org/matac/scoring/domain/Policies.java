package org.matac.scoring.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The shipped policy documents, read as the service reads them. */
final class Policies {

  private Policies() {}

  static ScoringPolicy rfgv1() {
    try (InputStream in = Policies.class.getResourceAsStream("/policies/rfgv-1.json")) {
      return new ObjectMapper().readValue(in, ScoringPolicy.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
