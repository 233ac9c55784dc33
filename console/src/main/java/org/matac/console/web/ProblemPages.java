package org.matac.console.web;

import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.ViewsRenderer;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Renders a problem page where the views filter does not reach: refusals raised by the security
 * filters happen outside it, so they are rendered here, with the same layout and context.
 */
@Singleton
public class ProblemPages {

  private final ViewsRenderer<Map<String, Object>, HttpRequest<?>> renderer;
  private final PageContext context;

  public ProblemPages(
      ViewsRenderer<Map<String, Object>, HttpRequest<?>> renderer, PageContext context) {
    this.renderer = renderer;
    this.context = context;
  }

  public MutableHttpResponse<Writable> render(
      HttpRequest<?> request,
      HttpStatus status,
      String title,
      String whatHappened,
      String whatToDo) {
    ModelAndView<Map<String, Object>> page = Page.problem(title, whatHappened, whatToDo);
    context.process(request, page);
    return HttpResponse.<Writable>status(status)
        .contentType(MediaType.TEXT_HTML_TYPE)
        .body(
            renderer.render(page.getView().orElseThrow(), page.getModel().orElseThrow(), request));
  }
}
