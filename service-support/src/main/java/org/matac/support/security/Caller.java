package org.matac.support.security;

import io.micronaut.security.authentication.Authentication;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.matac.events.access.Roles;

/** Who is calling, from a validated token: subject, roles, agency and the areas they work. */
public record Caller(String subject, Set<String> roles, String agency, List<String> areas) {

  public static Caller of(Authentication authentication) {
    Object agency = authentication.getAttributes().get("agency");
    Object areas = authentication.getAttributes().get("areas");
    return new Caller(
        authentication.getName(),
        Set.copyOf(authentication.getRoles()),
        agency == null ? null : agency.toString(),
        areas instanceof Collection<?> values
            ? values.stream().map(Object::toString).toList()
            : List.of());
  }

  /** The service itself, acting on a message rather than for a person. */
  public static Caller system(String name, String agency) {
    return new Caller(name, Set.of("SYSTEM"), agency, List.of());
  }

  /**
   * Whether the caller may read figures about an area: analysts and admins every area, anyone else
   * only the areas their token names.
   */
  public boolean readsArea(String area) {
    return hasRole(Roles.ANALYST) || hasRole(Roles.ADMIN) || areas.contains(area);
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }
}
