package org.matac.console.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.matac.console.backends.ServiceRefusal;

/**
 * A service's field errors as a form shows them, beside each field and in the summary: the field's
 * label, then the service's reason ("Quiet hours start must be a time like 22:00").
 */
final class FormErrors {

  private FormErrors() {}

  static Map<String, String> of(ServiceRefusal refusal, Map<String, String> labels) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (ServiceRefusal.FieldError error : refusal.fieldErrors()) {
      errors.putIfAbsent(
          error.field(), labels.getOrDefault(error.field(), "This answer") + " " + error.message());
    }
    if (errors.isEmpty()) {
      errors.put("", refusal.detail());
    }
    return errors;
  }
}
