package org.matac.console.backends;

import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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

  /**
   * Names by id, in the order given, from one request to tracking (which audits each name read); a
   * person outside the signed-in person's need to know is "not shared with you".
   */
  @SuppressWarnings("unchecked")
  public Map<String, String> names(Collection<?> perpetratorIds, SessionToken token) {
    Map<String, String> names = new LinkedHashMap<>();
    List<String> ids = perpetratorIds.stream().map(Object::toString).distinct().toList();
    if (ids.isEmpty()) {
      return names;
    }
    Map<String, Object> answer =
        services.post(
            Service.TRACKING, "/api/v1/perpetrators/identities", Map.of("ids", ids), token);
    Map<String, String> found = new HashMap<>();
    for (Object item : (List<Object>) answer.getOrDefault("items", List.of())) {
      Map<String, Object> identity = (Map<String, Object>) item;
      found.put(identity.get("id").toString(), fullName(identity));
    }
    ids.forEach(id -> names.put(id, found.getOrDefault(id, NOT_SHARED)));
    return names;
  }

  public static String fullName(Map<String, Object> profile) {
    Object given = profile.get("givenName");
    Object family = profile.get("familyName");
    String name =
        ((given == null ? "" : given + " ") + (family == null ? "" : family.toString())).trim();
    return name.isEmpty() ? "Name not recorded" : name;
  }
}
