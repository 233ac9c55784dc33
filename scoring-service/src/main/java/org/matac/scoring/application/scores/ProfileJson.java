package org.matac.scoring.application.scores;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.matac.events.tracking.ProfileChanged;

/** A profile as it is kept with a person's facts: the JSON tracking published. */
@Singleton
public class ProfileJson {

  private final ObjectMapper json;

  public ProfileJson(ObjectMapper json) {
    this.json = json;
  }

  public String write(ProfileChanged.Profile profile) {
    try {
      return json.writeValueAsString(profile);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A profile could not be written", e);
    }
  }

  public ProfileChanged.Profile read(String profile) {
    try {
      return json.readValue(profile, ProfileChanged.Profile.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
