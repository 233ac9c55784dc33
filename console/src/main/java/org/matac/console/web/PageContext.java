package org.matac.console.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * What every page's layout needs besides its own content: the signed-in person and their
 * navigation, the form token, the script nonce and the formats.
 */
@Singleton
public class PageContext implements ViewModelProcessor<Map<String, Object>> {

  private final Session session;
  private final FormTokens tokens;

  public PageContext(Session session, FormTokens tokens) {
    this.session = session;
    this.tokens = tokens;
  }

  @Override
  public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> modelAndView) {
    modelAndView
        .getModel()
        .ifPresent(
            model -> {
              model.put("format", Formats.SHARED);
              model.put(
                  "cspNonce", request.getAttribute(PageHeaders.NONCE, String.class).orElse(""));
              model.put("currentPath", request.getPath());
              request
                  .getUserPrincipal(Authentication.class)
                  .ifPresent(
                      authentication -> {
                        model.put("user", Session.userOf(authentication));
                        session
                            .token(request)
                            .ifPresent(token -> model.put("csrfToken", tokens.tokenFor(token)));
                      });
            });
  }
}
