package org.matac.tracking.application.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.matac.tracking.domain.Payload;

/** A payload as the JSON it came in: read in place, without copying what is not asked for. */
public final class JsonPayload implements Payload {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ObjectNode node;

  JsonPayload(ObjectNode node) {
    this.node = node;
  }

  /** A payload kept earlier, read back: the version a withdrawal replaced, for instance. */
  public static Payload parse(String kept) {
    try {
      return new JsonPayload((ObjectNode) JSON.readTree(kept));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String text(String field, String otherwise) {
    return node.path(field).asText(otherwise);
  }

  @Override
  public boolean flag(String field) {
    return node.path(field).asBoolean(false);
  }

  @Override
  public List<ReportedVictim> victims() {
    List<ReportedVictim> victims = new ArrayList<>();
    for (JsonNode victim : node.path("victims")) {
      JsonNode contact = victim.get("contact");
      victims.add(
          new ReportedVictim(
              victim.path("victimRef").asText(),
              victim.path("dateOfBirth").asText(null),
              contact == null || !contact.isObject()
                  ? null
                  : new Contact(
                      contact.path("address").asText(null),
                      contact.path("phone").asText(null),
                      contact.path("email").asText(null))));
    }
    return victims;
  }

  @Override
  public String keptJson(boolean withVictims) {
    ObjectNode kept = node.deepCopy();
    VictimContacts.removedFromPayload(kept);
    if (!withVictims) {
      kept.remove("victims");
    }
    return kept.toString();
  }
}
