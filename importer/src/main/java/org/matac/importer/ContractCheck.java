package org.matac.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The partner contract as partners validate it offline: docs/partner-envelope.schema.json, built
 * into the importer. It refuses what intake refuses, except what only the partnership knows (its
 * area codes, which agency a token may send as); intake still has the last word when the import
 * sends.
 */
final class ContractCheck {

  /** A field the contract refuses, and why, in the schema's words. */
  record Breach(String field, String reason) {}

  private final JsonSchema schema;

  ContractCheck() {
    try (InputStream in = ContractCheck.class.getResourceAsStream("partner-envelope.schema.json")) {
      if (in == null) {
        throw new IllegalStateException("The partner envelope schema is missing from the build");
      }
      schema =
          JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
              .getSchema(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new IllegalStateException("The partner envelope schema cannot be read", e);
    }
  }

  List<Breach> breaches(JsonNode envelope) {
    List<Breach> breaches =
        schema.validate(envelope).stream()
            .map(ContractCheck::breach)
            .distinct()
            .sorted((a, b) -> a.field().compareTo(b.field()))
            .toList();
    // An optional field's schema is "this shape, or null"; a value of the wrong shape breaks both
    // branches, and "null expected" only hides the reason that helps.
    return breaches.stream()
        .filter(
            breach ->
                !breach.reason().endsWith("null expected")
                    || breaches.stream().filter(b -> b.field().equals(breach.field())).count() == 1)
        .toList();
  }

  private static Breach breach(ValidationMessage message) {
    String location = message.getInstanceLocation().toString().replaceFirst("^\\$\\.?", "");
    if ("required".equals(message.getType()) && message.getProperty() != null) {
      location =
          location.isEmpty() ? message.getProperty() : location + "." + message.getProperty();
    }
    return new Breach(location.isEmpty() ? "$" : location, message.getError());
  }
}
