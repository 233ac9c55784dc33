package org.matac.console.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.matac.console.backends.People;
import org.matac.console.backends.Service;
import org.matac.console.backends.ServiceRefusal;
import org.matac.console.backends.Services;
import org.matac.console.backends.SessionToken;
import org.matac.console.domain.MeetingPack;
import org.matac.console.domain.SignedInUser;
import org.matac.events.access.Roles;

/**
 * The MATAC tasking cycle as the coordinator runs it: start the month's draft, add people below the
 * cut-off, decide each entry with a reason, agree action plans, publish, and print the pack.
 */
@Controller("/cycles")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Secured(Roles.MATAC_COORDINATOR)
@ExecuteOn(TaskExecutors.BLOCKING)
public class CyclePages {

  private static final Map<String, String> LABELS =
      Map.of(
          "area", "Area",
          "cycleDate", "Meeting date",
          "perpetratorId", "Person",
          "reason", "Reason",
          "decision", "Decision",
          "agency", "Agency",
          "tactic", "Tactic",
          "description", "Action",
          "owner", "Owner",
          "dueDate", "Due date");

  private static final Map<String, String> WHEN_MISSING =
      Map.of(
          "cycleDate", "Enter the meeting date",
          "perpetratorId", "Select the person to add",
          "reason", "Enter the reason",
          "decision", "Select approve or reject",
          "agency", "Enter the agency that owns the action",
          "description", "Enter what will be done",
          "owner", "Enter the named owner",
          "dueDate", "Enter the due date");

  private final Services services;
  private final People people;
  private final Clock clock;

  public CyclePages(Services services, People people, Clock clock) {
    this.services = services;
    this.people = people;
    this.clock = clock;
  }

  public record NewCycleForm(
      @Nullable String area, @Nullable String day, @Nullable String month, @Nullable String year) {

    String cycleDate() {
      if (blank(day) && blank(month) && blank(year)) {
        return null;
      }
      return String.format("%s-%s-%s", year == null ? "" : year.trim(), two(month), two(day));
    }

    private static String two(String part) {
      String trimmed = part == null ? "" : part.trim();
      return trimmed.length() == 1 ? "0" + trimmed : trimmed;
    }
  }

  @Get("/{?area}")
  public ModelAndView<Map<String, Object>> cycles(
      @Nullable @QueryValue String area, Authentication authentication, SessionToken token) {
    SignedInUser user = Session.userOf(authentication);
    String chosen = Areas.chosen(user, area);
    return cyclesPage(user, chosen, new NewCycleForm(chosen, null, null, null), Map.of(), token);
  }

  private ModelAndView<Map<String, Object>> cyclesPage(
      SignedInUser user,
      String area,
      NewCycleForm form,
      Map<String, String> errors,
      SessionToken token) {
    return Page.of(
        "cycles",
        Page.title("Tasking cycles for " + Formats.SHARED.words(area), errors),
        "area",
        area,
        "areas",
        user.areas(),
        "cycles",
        Answers.items(services.get(Service.SCORING, "/api/v1/tasking-cycles?area=" + area, token)),
        "form",
        form,
        "errors",
        errors);
  }

  @Post
  public HttpResponse<?> start(
      @Body NewCycleForm form, Authentication authentication, SessionToken token) {
    Map<String, Object> body = new HashMap<>();
    body.put("area", form.area());
    body.put("cycleDate", form.cycleDate());
    try {
      Map<String, Object> created =
          services.post(Service.SCORING, "/api/v1/tasking-cycles", body, token);
      return Page.seeOther("/cycles/" + Answers.map(created.get("cycle")).get("id"));
    } catch (ServiceRefusal refusal) {
      if (refusal.status() != 400 && refusal.status() != 409) {
        throw refusal;
      }
      SignedInUser user = Session.userOf(authentication);
      return Page.again(
          refusal,
          cyclesPage(
              user,
              Areas.chosen(user, form.area()),
              form,
              FormErrors.of(refusal, LABELS, WHEN_MISSING, "cycleDate"),
              token));
    }
  }

  @Get("/{id}")
  public ModelAndView<Map<String, Object>> cycle(@PathVariable UUID id, SessionToken token) {
    return cyclePage(id, null, token);
  }

  /** The cycle; after a refused publication, with each undecided person named as an error. */
  private ModelAndView<Map<String, Object>> cyclePage(
      UUID id, ServiceRefusal publishRefused, SessionToken token) {
    Map<String, Object> view = services.get(Service.SCORING, "/api/v1/tasking-cycles/" + id, token);
    Map<String, Object> cycle = Answers.map(view.get("cycle"));
    List<Map<String, Object>> entries = Answers.list(view.get("entries"));
    Map<String, String> names =
        people.names(entries.stream().map(entry -> entry.get("perpetratorId")).toList(), token);
    List<Map<String, Object>> waiting =
        entries.stream().filter(entry -> entry.get("decision") == null).toList();
    Map<String, String> errors =
        publishRefused == null ? Map.of() : undecidedNamed(waiting, names, publishRefused);
    return Page.of(
        "cycle",
        Page.title(
            "Tasking cycle for "
                + Formats.SHARED.words(cycle.get("area"))
                + ", "
                + Formats.SHARED.date(cycle.get("cycleDate")),
            errors),
        "cycle",
        cycle,
        "entries",
        entries,
        "names",
        names,
        "undecided",
        waiting.size(),
        "errors",
        errors);
  }

  @Post("/{id}/publish")
  public HttpResponse<?> publish(@PathVariable UUID id, SessionToken token) {
    try {
      services.post(Service.SCORING, "/api/v1/tasking-cycles/" + id + "/publish", null, token);
      return Page.seeOther("/cycles/" + id);
    } catch (ServiceRefusal refusal) {
      if (refusal.status() != 409) {
        throw refusal;
      }
      return Page.again(refusal, cyclePage(id, refusal, token));
    }
  }

  /** Why publishing was refused, naming each person still waiting for a decision. */
  private static Map<String, String> undecidedNamed(
      List<Map<String, Object>> waiting, Map<String, String> names, ServiceRefusal refusal) {
    if (waiting.isEmpty()) {
      return Map.of("", refusal.detail());
    }
    Map<String, String> errors = new LinkedHashMap<>();
    for (Map<String, Object> entry : waiting) {
      String perpetratorId = entry.get("perpetratorId").toString();
      errors.put(
          "entry-" + perpetratorId,
          "Decide whether "
              + names.get(perpetratorId)
              + " stays on the list before you publish it");
    }
    return errors;
  }

  @Get("/{id}/entries/{perpetratorId}")
  public ModelAndView<Map<String, Object>> entry(
      @PathVariable UUID id, @PathVariable UUID perpetratorId, SessionToken token) {
    return entryPage(id, perpetratorId, Map.of(), Map.of(), token);
  }

  private ModelAndView<Map<String, Object>> entryPage(
      UUID id,
      UUID perpetratorId,
      Map<String, String> errors,
      Map<String, Object> form,
      SessionToken token) {
    Map<String, Object> view = services.get(Service.SCORING, "/api/v1/tasking-cycles/" + id, token);
    Map<String, Object> entry =
        Answers.list(view.get("entries")).stream()
            .filter(candidate -> perpetratorId.toString().equals(candidate.get("perpetratorId")))
            .findFirst()
            .orElseThrow(
                () ->
                    new ServiceRefusal(
                        Service.SCORING, 404, "This person is not on this cycle.", List.of()));
    String name = people.names(List.of(perpetratorId), token).get(perpetratorId.toString());
    return Page.of(
        "entry",
        Page.title(name, errors),
        "cycle",
        Answers.map(view.get("cycle")),
        "entry",
        entry,
        "actions",
        Plans.marked(Answers.list(entry.get("actions")), LocalDate.now(clock)),
        "name",
        name,
        "perpetratorId",
        perpetratorId,
        "tactics",
        List.of("SUPPORT", "PREVENTION", "DIVERSION", "DISRUPTION", "ENFORCEMENT"),
        "statuses",
        Plans.STATUSES,
        "form",
        form,
        "errors",
        errors);
  }

  public record DecisionForm(@Nullable String decision, @Nullable String reason) {}

  @Post("/{id}/entries/{perpetratorId}/decision")
  public HttpResponse<?> decide(
      @PathVariable UUID id,
      @PathVariable UUID perpetratorId,
      @Body DecisionForm form,
      SessionToken token) {
    Map<String, Object> body = new HashMap<>();
    body.put("decision", form.decision());
    body.put("reason", Forms.blankToNull(form.reason()));
    return submitted(
        id,
        perpetratorId,
        "/api/v1/tasking-cycles/" + id + "/entries/" + perpetratorId + "/decision",
        body,
        "/cycles/" + id + "/entries/" + perpetratorId,
        token);
  }

  public record ActionForm(
      @Nullable String agency,
      @Nullable String tactic,
      @Nullable String description,
      @Nullable String owner,
      @Nullable String dueDate) {}

  @Post("/{id}/entries/{perpetratorId}/actions")
  public HttpResponse<?> agree(
      @PathVariable UUID id,
      @PathVariable UUID perpetratorId,
      @Body ActionForm form,
      SessionToken token) {
    Map<String, Object> body = new HashMap<>();
    body.put("agency", Forms.blankToNull(form.agency()));
    body.put("tactic", form.tactic());
    body.put("description", Forms.blankToNull(form.description()));
    body.put("owner", Forms.blankToNull(form.owner()));
    body.put("dueDate", Forms.blankToNull(form.dueDate()));
    return submitted(
        id,
        perpetratorId,
        "/api/v1/tasking-cycles/" + id + "/entries/" + perpetratorId + "/actions",
        body,
        "/cycles/" + id + "/entries/" + perpetratorId + "#actions",
        token);
  }

  public record ActionChangeForm(@Nullable Integer version, @Nullable String status) {}

  @Post("/{id}/entries/{perpetratorId}/actions/{actionId}")
  public HttpResponse<?> change(
      @PathVariable UUID id,
      @PathVariable UUID perpetratorId,
      @PathVariable UUID actionId,
      @Body ActionChangeForm form,
      SessionToken token) {
    Map<String, Object> body = new HashMap<>();
    body.put("version", form.version());
    body.put("status", form.status());
    try {
      services.patch(Service.SCORING, "/api/v1/matac-actions/" + actionId, body, token);
    } catch (ServiceRefusal refusal) {
      if (refusal.status() != 409) {
        throw refusal;
      }
      return Page.again(
          refusal,
          entryPage(
              id,
              perpetratorId,
              Map.of(
                  "action-" + actionId,
                  "Someone else changed this action while you had the page open. It now shows"
                      + " their change: check it, then choose the status again."),
              Map.of(),
              token));
    }
    return Page.seeOther("/cycles/" + id + "/entries/" + perpetratorId + "#actions");
  }

  private HttpResponse<?> submitted(
      UUID id,
      UUID perpetratorId,
      String apiPath,
      Map<String, Object> body,
      String next,
      SessionToken token) {
    try {
      services.post(Service.SCORING, apiPath, body, token);
      return Page.seeOther(next);
    } catch (ServiceRefusal refusal) {
      if (refusal.status() != 400 && refusal.status() != 409) {
        throw refusal;
      }
      return Page.again(
          refusal,
          entryPage(
              id, perpetratorId, FormErrors.of(refusal, LABELS, WHEN_MISSING, ""), body, token));
    }
  }

  @Get("/{id}/additions")
  public ModelAndView<Map<String, Object>> additions(@PathVariable UUID id, SessionToken token) {
    return additionsPage(id, Map.of(), token);
  }

  /** People ranked in the area below the cycle's list, whom a coordinator may add by hand. */
  private ModelAndView<Map<String, Object>> additionsPage(
      UUID id, Map<String, String> errors, SessionToken token) {
    Map<String, Object> view = services.get(Service.SCORING, "/api/v1/tasking-cycles/" + id, token);
    Map<String, Object> cycle = Answers.map(view.get("cycle"));
    Set<Object> listed =
        Answers.list(view.get("entries")).stream()
            .map(entry -> entry.get("perpetratorId"))
            .collect(Collectors.toSet());
    List<Map<String, Object>> candidates = new ArrayList<>();
    for (Map<String, Object> ranked :
        Answers.list(
            services
                .get(
                    Service.SCORING,
                    "/api/v1/rankings?area="
                        + cycle.get("area")
                        + "&limit=60&asOf="
                        + cycle.get("asOf"),
                    token)
                .get("entries"))) {
      if (!listed.contains(ranked.get("perpetratorId"))) {
        candidates.add(ranked);
      }
    }
    Map<String, String> names =
        people.names(candidates.stream().map(entry -> entry.get("perpetratorId")).toList(), token);
    return Page.of(
        "additions",
        Page.title("Add a person to this cycle", errors),
        "cycle",
        cycle,
        "candidates",
        candidates,
        "names",
        names,
        "errors",
        errors);
  }

  public record AdditionForm(@Nullable String perpetratorId, @Nullable String reason) {}

  @Post("/{id}/entries")
  public HttpResponse<?> add(@PathVariable UUID id, @Body AdditionForm form, SessionToken token) {
    Map<String, Object> body = new HashMap<>();
    body.put("perpetratorId", Forms.blankToNull(form.perpetratorId()));
    body.put("reason", Forms.blankToNull(form.reason()));
    try {
      services.post(Service.SCORING, "/api/v1/tasking-cycles/" + id + "/entries", body, token);
      return Page.seeOther("/cycles/" + id);
    } catch (ServiceRefusal refusal) {
      if (refusal.status() != 400 && refusal.status() != 409) {
        throw refusal;
      }
      return Page.again(
          refusal, additionsPage(id, FormErrors.of(refusal, LABELS, WHEN_MISSING, ""), token));
    }
  }

  @Get("/{id}/pack")
  public ModelAndView<Map<String, Object>> pack(@PathVariable UUID id, SessionToken token) {
    Map<String, Object> view = services.get(Service.SCORING, "/api/v1/tasking-cycles/" + id, token);
    Map<String, Object> cycle = Answers.map(view.get("cycle"));
    List<Map<String, Object>> approved = approved(view);
    return Page.of(
        "pack",
        "Meeting pack: "
            + Formats.SHARED.words(cycle.get("area"))
            + ", "
            + Formats.SHARED.date(cycle.get("cycleDate")),
        "cycle",
        cycle,
        "entries",
        approved,
        "names",
        people.names(approved.stream().map(entry -> entry.get("perpetratorId")).toList(), token));
  }

  @Get(value = "/{id}/pack.csv", produces = "text/csv")
  public HttpResponse<String> packCsv(@PathVariable UUID id, SessionToken token) {
    Map<String, Object> view = services.get(Service.SCORING, "/api/v1/tasking-cycles/" + id, token);
    Map<String, Object> cycle = Answers.map(view.get("cycle"));
    List<Map<String, Object>> approved = approved(view);
    Map<String, String> names =
        people.names(approved.stream().map(entry -> entry.get("perpetratorId")).toList(), token);
    List<List<String>> rows = new ArrayList<>();
    for (Map<String, Object> entry : approved) {
      List<String> person =
          List.of(
              Forms.text(entry.get("rank")),
              names.get(entry.get("perpetratorId").toString()),
              Forms.text(entry.get("total")),
              Forms.text(entry.get("kind")),
              Forms.text(entry.get("decision")),
              Forms.text(entry.get("decisionReason")),
              Forms.text(entry.get("decidedBy")));
      List<Map<String, Object>> actions = Answers.list(entry.get("actions"));
      if (actions.isEmpty()) {
        rows.add(concat(person, List.of("", "", "", "", "", "")));
      }
      for (Map<String, Object> action : actions) {
        rows.add(
            concat(
                person,
                List.of(
                    Forms.text(action.get("description")),
                    Forms.text(action.get("tactic")),
                    Forms.text(action.get("agency")),
                    Forms.text(action.get("owner")),
                    Forms.text(action.get("dueDate")),
                    Forms.text(action.get("status")))));
      }
    }
    String file = "matac-" + cycle.get("area") + "-" + cycle.get("cycleDate") + ".csv";
    return HttpResponse.ok(MeetingPack.csv(rows))
        .header("Content-Disposition", "attachment; filename=\"" + file.toLowerCase() + "\"");
  }

  /** The entries the meeting tasks: approved ones, in list order. */
  private static List<Map<String, Object>> approved(Map<String, Object> view) {
    return Answers.list(view.get("entries")).stream()
        .filter(entry -> "APPROVE".equals(entry.get("decision")))
        .toList();
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
