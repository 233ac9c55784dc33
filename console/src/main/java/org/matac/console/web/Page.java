package org.matac.console.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.matac.console.backends.ServiceRefusal;

/** A page to render: its template, its title, and what it shows. */
public final class Page {

  private Page() {}

  /** {@code Page.of("inbox", "Your inbox", "items", items, ...)}: pairs of name and value. */
  public static ModelAndView<Map<String, Object>> of(String view, String title, Object... pairs) {
    Map<String, Object> model = new HashMap<>();
    model.put("title", title);
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      model.put((String) pairs[i], pairs[i + 1]);
    }
    return new ModelAndView<>(view, model);
  }

  /** A page's title, marked as GOV.UK asks when the form on it has errors. */
  public static String title(String title, Map<String, String> errors) {
    return errors.isEmpty() ? title : "Error: " + title;
  }

  /** A form page shown again after a service refused what was sent, with the refusal's status. */
  public static MutableHttpResponse<Object> again(
      ServiceRefusal refusal, ModelAndView<Map<String, Object>> page) {
    return HttpResponse.status(HttpStatus.valueOf(refusal.status())).body(page);
  }

  /** A problem page: what happened, and what the person can do next. */
  public static ModelAndView<Map<String, Object>> problem(
      String title, String whatHappened, String whatToDo) {
    return problem(title, whatHappened, whatToDo, null, null);
  }

  /**
   * A problem page whose way on is {@code next}, linked as {@code nextText}, rather than the
   * person's start page (null: the start page).
   */
  public static ModelAndView<Map<String, Object>> problem(
      String title, String whatHappened, String whatToDo, String nextText, String next) {
    return of(
        "problem",
        title,
        "whatHappened",
        whatHappened,
        "whatToDo",
        whatToDo,
        "nextText",
        nextText,
        "next",
        next);
  }

  /** After a form: the page to go to next, as a GET (post/redirect/get). */
  public static MutableHttpResponse<Object> seeOther(String path) {
    return HttpResponse.seeOther(URI.create(path));
  }
}
