package org.matac.testing;

import io.micronaut.security.annotation.Secured;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import java.util.List;

/** Finds routes a service would serve without an explicit {@code @Secured} decision. */
public final class SecuredRoutes {

  private SecuredRoutes() {}

  /** Every application route whose method and class both lack {@code @Secured}. */
  public static List<String> withoutSecured(Router router) {
    return router
        .uriRoutes()
        .filter(route -> route.getDeclaringType().getName().startsWith("org.matac."))
        .filter(route -> !route.getTargetMethod().hasAnnotation(Secured.class))
        .map(SecuredRoutes::describe)
        .toList();
  }

  /** How many application routes there are: a check over none would prove nothing. */
  public static long count(Router router) {
    return router
        .uriRoutes()
        .filter(route -> route.getDeclaringType().getName().startsWith("org.matac."))
        .count();
  }

  private static String describe(UriRouteInfo<?, ?> route) {
    return route.getHttpMethodName()
        + " "
        + route.getUriMatchTemplate()
        + " ("
        + route.getDeclaringType().getSimpleName()
        + ")";
  }
}
