package org.matac.tracking.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.matac.events.FieldError;
import org.matac.events.access.Roles;
import org.matac.events.intake.IntakeResult;
import org.matac.events.intake.PartnerEnvelope;
import org.matac.support.problem.Problem;
import org.matac.support.refusal.Refused;
import org.matac.support.security.Caller;
import org.matac.tracking.application.intake.EnvelopeParser;
import org.matac.tracking.application.intake.RecordingPartnerEvents;
import org.matac.tracking.application.intake.WhoMaySayWhat;
import org.matac.tracking.domain.PartnerEvent;

/** The HTTP side of the partner contract: one envelope, or a batch of up to 1,000. */
@Controller("/api/v1/events")
@Secured(Roles.PARTNER_SYSTEM)
@ExecuteOn(TaskExecutors.BLOCKING)
public class EventIntakeController {

  static final int MAX_BATCH = 1_000;

  private final EnvelopeParser parser;
  private final RecordingPartnerEvents recording;
  private final WhoMaySayWhat authority;
  private final ObjectMapper json;

  public EventIntakeController(
      EnvelopeParser parser,
      RecordingPartnerEvents recording,
      WhoMaySayWhat authority,
      ObjectMapper json) {
    this.parser = parser;
    this.recording = recording;
    this.authority = authority;
    this.json = json;
  }

  /** One batch answer: a result per item, in the order sent. */
  public record BatchResults(List<IntakeResult> results) {}

  /**
   * Accepts one envelope of the partner contract.
   *
   * <p>The body is read as bytes so that "the same body" can mean equal as JSON values.
   */
  @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  @RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = PartnerEnvelope.class)))
  @ApiResponse(responseCode = "202", description = "accepted")
  @ApiResponse(responseCode = "200", description = "a repeated eventId with the same body")
  @ApiResponse(
      responseCode = "400",
      description = "breaks the contract; errors name each field",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @ApiResponse(responseCode = "401", description = "no valid token")
  @ApiResponse(
      responseCode = "403",
      description =
          "source is not the token's agency, or the envelope speaks for another agency (a worker"
              + " assignment names another agency's worker); errors name the field")
  @ApiResponse(responseCode = "409", description = "the eventId was used for another body")
  public HttpResponse<IntakeResult> receive(@Body byte[] body, Authentication authentication) {
    EnvelopeParser.Parsed parsed = parser.parse(body);
    PartnerEvent event =
        parsed
            .event()
            .orElseThrow(
                () ->
                    Refused.invalid("The envelope breaks the partner contract.", parsed.errors()));
    Caller sender = Caller.of(authentication);
    if (!event.source().equals(sender.agency())) {
      throw Refused.forbidden(
          "A partner system may only send as its own agency: the token's agency does not match"
              + " source.");
    }
    Optional<FieldError> refusal = authority.refusal(event);
    if (refusal.isPresent()) {
      throw Refused.forbidden(
          "Your agency may not say this: " + refusal.get().message() + ".",
          List.of(new FieldError(refusal.get().field(), refusal.get().message())));
    }
    return switch (recording.record(event, RecordingPartnerEvents.Channel.HTTP, sender)) {
      case ACCEPTED ->
          HttpResponse.accepted()
              .body(new IntakeResult(event.eventId(), IntakeResult.Status.ACCEPTED, List.of()));
      case DUPLICATE, DISPOSED ->
          HttpResponse.ok(
              new IntakeResult(event.eventId(), IntakeResult.Status.DUPLICATE, List.of()));
      case CONFLICT ->
          throw Refused.conflict(
              "eventId "
                  + event.eventId()
                  + " was already used for a different body; the first one stands.");
    };
  }

  @Post(
      uri = "/batch",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  public HttpResponse<BatchResults> receiveBatch(@Body byte[] body, Authentication authentication) {
    JsonNode items = readBatch(body);
    Caller sender = Caller.of(authentication);
    List<IntakeResult> results = new ArrayList<>(items.size());
    for (int index = 0; index < items.size(); index++) {
      results.add(receiveItem(items.get(index), sender));
    }
    return HttpResponse.<BatchResults>status(HttpStatus.MULTI_STATUS)
        .body(new BatchResults(results));
  }

  private IntakeResult receiveItem(JsonNode item, Caller sender) {
    EnvelopeParser.Parsed parsed = parser.parse(item);
    if (parsed.event().isEmpty()) {
      return rejected(parsed.eventId(), parsed.errors());
    }
    PartnerEvent event = parsed.event().get();
    if (!event.source().equals(sender.agency())) {
      return rejected(
          Optional.of(event.eventId()),
          List.of(new FieldError("source", "a partner system may only send as its own agency")));
    }
    Optional<FieldError> refusal = authority.refusal(event);
    if (refusal.isPresent()) {
      return rejected(Optional.of(event.eventId()), List.of(refusal.get()));
    }
    return switch (recording.record(event, RecordingPartnerEvents.Channel.HTTP, sender)) {
      case ACCEPTED -> new IntakeResult(event.eventId(), IntakeResult.Status.ACCEPTED, List.of());
      case DUPLICATE, DISPOSED ->
          new IntakeResult(event.eventId(), IntakeResult.Status.DUPLICATE, List.of());
      case CONFLICT ->
          rejected(
              Optional.of(event.eventId()),
              List.of(
                  new FieldError(
                      "eventId", "was already used for a different body; the first one stands")));
    };
  }

  private JsonNode readBatch(byte[] body) {
    JsonNode items;
    try {
      items = json.readTree(body);
    } catch (IOException e) {
      throw Refused.invalid(
          "The batch is not valid JSON.",
          List.of(new FieldError("$", "must be a JSON array of envelopes")));
    }
    if (items == null || !items.isArray()) {
      throw Refused.invalid(
          "A batch is a JSON array of envelopes.",
          List.of(new FieldError("$", "must be a JSON array of envelopes")));
    }
    if (items.isEmpty() || items.size() > MAX_BATCH) {
      throw Refused.invalid(
          "A batch holds 1 to " + MAX_BATCH + " envelopes.",
          List.of(
              new FieldError("$", "holds " + items.size() + " envelopes; send 1 to " + MAX_BATCH)));
    }
    return items;
  }

  private static IntakeResult rejected(Optional<UUID> eventId, List<FieldError> errors) {
    return new IntakeResult(eventId.orElse(null), IntakeResult.Status.REJECTED, errors);
  }
}
