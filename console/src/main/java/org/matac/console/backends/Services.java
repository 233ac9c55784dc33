package org.matac.console.backends;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.matac.events.FieldError;

/**
 * Calls the services' public APIs as the signed-in person, with their own token, so that every
 * need-to-know, area and audit rule of the API holds for the page that shows the answer. Answers
 * are JSON objects as maps: the services' OpenAPI documents are the contract, and the console adds
 * no types of its own to keep in step with them.
 */
@Singleton
public class Services {

  private static final Argument<Map<String, Object>> OBJECT =
      Argument.mapOf(String.class, Object.class);

  private final Map<Service, HttpClient> clients = new EnumMap<>(Service.class);

  public Services(
      @Client(id = "tracking") HttpClient tracking,
      @Client(id = "scoring") HttpClient scoring,
      @Client(id = "notification") HttpClient notification) {
    clients.put(Service.TRACKING, tracking);
    clients.put(Service.SCORING, scoring);
    clients.put(Service.NOTIFICATION, notification);
  }

  public Map<String, Object> get(Service service, String path, SessionToken token) {
    return call(service, HttpRequest.GET(path), token);
  }

  public Map<String, Object> post(Service service, String path, Object body, SessionToken token) {
    return call(service, HttpRequest.POST(path, body == null ? Map.of() : body), token);
  }

  public Map<String, Object> put(Service service, String path, Object body, SessionToken token) {
    return call(service, HttpRequest.PUT(path, body), token);
  }

  public Map<String, Object> patch(Service service, String path, Object body, SessionToken token) {
    return call(service, HttpRequest.PATCH(path, body), token);
  }

  public void delete(Service service, String path, SessionToken token) {
    call(service, HttpRequest.DELETE(path), token);
  }

  private Map<String, Object> call(
      Service service, MutableHttpRequest<?> request, SessionToken token) {
    request.bearerAuth(token.value()).accept(MediaType.APPLICATION_JSON_TYPE);
    try {
      return clients
          .get(service)
          .toBlocking()
          .exchange(request, OBJECT)
          .getBody()
          .orElseGet(Map::of);
    } catch (HttpClientResponseException refused) {
      throw refusal(service, refused);
    } catch (HttpClientException unreachable) {
      throw new ServiceUnavailable(service, unreachable);
    }
  }

  @SuppressWarnings("unchecked")
  private static ServiceRefusal refusal(Service service, HttpClientResponseException refused) {
    Map<String, Object> problem = refused.getResponse().getBody(OBJECT).orElseGet(Map::of);
    List<FieldError> fieldErrors = new ArrayList<>();
    if (problem.get("errors") instanceof List<?> errors) {
      for (Object error : errors) {
        if (error instanceof Map<?, ?> field) {
          fieldErrors.add(
              new FieldError(
                  String.valueOf(field.get("field")), String.valueOf(field.get("message"))));
        }
      }
    }
    Object detail = problem.get("detail");
    return new ServiceRefusal(
        service,
        refused.getStatus().getCode(),
        detail == null ? refused.getStatus().getReason() : detail.toString(),
        fieldErrors);
  }
}
