package org.matac.console.backends;

import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Who a perpetrator id is, as tracking tells the signed-in person: their name when they may read
 * the profile, and a plain "not shared with you" when they may not, so one withheld profile never
 * breaks a list.
 */
@Singleton
public class People {

  public static final String NOT_SHARED = "Not shared with you";

  private final Services services;

  public People(Services services) {
    this.services = services;
  }

  public Map<String, Object> profile(UUID perpetratorId, SessionToken token) {
    return services.get(Service.TRACKING, "/api/v1/perpetrators/" + perpetratorId, token);
  }

  /** Names by id, in the order given; each read is audited by tracking as a consultation. */
  public Map<String, String> names(Collection<?> perpetratorIds, SessionToken token) {
    Map<String, String> names = new LinkedHashMap<>();
    for (Object id : perpetratorIds) {
      names.computeIfAbsent(id.toString(), key -> nameOf(key, token));
    }
    return names;
  }

  @SuppressWarnings("unchecked")
  private String nameOf(String perpetratorId, SessionToken token) {
    try {
      Map<String, Object> view =
          services.get(Service.TRACKING, "/api/v1/perpetrators/" + perpetratorId, token);
      return fullName((Map<String, Object>) view.getOrDefault("profile", Map.of()));
    } catch (ServiceRefusal refused) {
      if (refused.status() == 403 || refused.status() == 404) {
        return NOT_SHARED;
      }
      throw refused;
    }
  }

  public static String fullName(Map<String, Object> profile) {
    Object given = profile.get("givenName");
    Object family = profile.get("familyName");
    String name =
        ((given == null ? "" : given + " ") + (family == null ? "" : family.toString())).trim();
    return name.isEmpty() ? "Name not recorded" : name;
  }
}
