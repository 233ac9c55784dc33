package org.matac.console.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.matac.console.backends.ServiceRefusal;
import org.matac.events.FieldError;

/**
 * A service's field errors as a form shows them, beside each field and in the summary: the field's
 * label, then the service's reason ("Quiet hours start must be a time like 22:00").
 */
final class FormErrors {

  private FormErrors() {}

  static Map<String, String> of(ServiceRefusal refusal, Map<String, String> labels) {
    return of(refusal, labels, Map.of(), "");
  }

  /**
   * As above, with what to do when a field was left empty ("Enter the reason") in place of the
   * service's "is required"; a refusal that names no field is shown against {@code otherwise}.
   */
  static Map<String, String> of(
      ServiceRefusal refusal,
      Map<String, String> labels,
      Map<String, String> whenMissing,
      String otherwise) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (FieldError error : refusal.fieldErrors()) {
      String message =
          "is required".equals(error.message()) && whenMissing.containsKey(error.field())
              ? whenMissing.get(error.field())
              : labels.getOrDefault(error.field(), "This answer") + " " + error.message();
      errors.putIfAbsent(error.field(), message);
    }
    if (errors.isEmpty()) {
      errors.put(otherwise, refusal.detail());
    }
    return errors;
  }
}
