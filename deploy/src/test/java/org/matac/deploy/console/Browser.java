package org.matac.deploy.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver), driven by Selenium, with the
 * checks every page of the console must pass: axe-core finds no WCAG 2.2 AA violation, and a
 * screenshot of each page is kept under target/screenshots for the README and for reviewers.
 */
public final class Browser implements AutoCloseable {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final List<String> WCAG_22_AA =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

  private final WebDriver driver;
  private final String baseUrl;

  private Browser(WebDriver driver, String baseUrl) {
    this.driver = driver;
    this.baseUrl = baseUrl;
  }

  /** A browser with JavaScript on, as most people use the console. */
  public static Browser open(String baseUrl) {
    return new Browser(new ChromeDriver(service(), options(true)), baseUrl);
  }

  /** A browser with JavaScript off: every core action must still work. */
  public static Browser withoutJavaScript(String baseUrl) {
    return new Browser(new ChromeDriver(service(), options(false)), baseUrl);
  }

  private static ChromeDriverService service() {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new IllegalStateException(
          "The console's browser tests need Debian's chromium and chromium-driver:"
              + " apt-get install -y chromium chromium-driver (.ci/run installs them)");
    }
    return new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
  }

  private static ChromeOptions options(boolean javaScript) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // The closed network here refuses Chromium's own background connections; none are needed.
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,1024");
    if (!javaScript) {
      options.setExperimentalOption(
          "prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
    }
    return options;
  }

  /**
   * What a link to a download would save, fetched with this browser's session: a browser saves a
   * file rather than showing it, so the test reads it as the person's spreadsheet would.
   */
  public String download(String path) {
    String cookies =
        driver.manage().getCookies().stream()
            .map(cookie -> cookie.getName() + "=" + cookie.getValue())
            .collect(Collectors.joining("; "));
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(baseUrl + path))
                      .header("Cookie", cookies)
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as("downloading %s", path).isEqualTo(200);
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Browser visit(String path) {
    driver.get(baseUrl + path);
    return this;
  }

  public String path() {
    return driver.getCurrentUrl().substring(baseUrl.length());
  }

  public String heading() {
    return driver.findElement(By.tagName("h1")).getText();
  }

  public String source() {
    return driver.getPageSource();
  }

  public String text() {
    return driver.findElement(By.tagName("body")).getText();
  }

  public WebElement find(By by) {
    return driver.findElement(by);
  }

  public List<WebElement> findAll(By by) {
    return driver.findElements(by);
  }

  public Browser type(String fieldId, String value) {
    WebElement field = driver.findElement(By.id(fieldId));
    field.clear();
    field.sendKeys(value);
    return this;
  }

  /** Ticks the radio button or checkbox whose label reads {@code label}. */
  public Browser choose(String label) {
    driver.findElement(By.xpath("//label[normalize-space()='" + label + "']")).click();
    return this;
  }

  /** Ticks the radio button or checkbox with this id, through its label as a person would. */
  public Browser tick(String inputId) {
    driver.findElement(By.cssSelector("label[for='" + inputId + "']")).click();
    return this;
  }

  public Browser press(String buttonText) {
    return clickAndWaitForTheNextPage(
        driver.findElement(By.xpath("//button[normalize-space()='" + buttonText + "']")));
  }

  public Browser follow(String linkText) {
    return clickAndWaitForTheNextPage(driver.findElement(By.linkText(linkText)));
  }

  // A click returns before the browser has loaded what it asked for: wait for the old page to go.
  private Browser clickAndWaitForTheNextPage(WebElement target) {
    WebElement page = driver.findElement(By.tagName("html"));
    target.click();
    new WebDriverWait(driver, Duration.ofSeconds(15)).until(gone(page));
    return loaded();
  }

  /**
   * Whether the page's root element left the document. Some Chromium versions (150) answer a
   * question about a node of a page being replaced with "does not belong to the document" rather
   * than a stale reference: that too means the old page is gone.
   */
  private static ExpectedCondition<Boolean> gone(WebElement page) {
    return browser -> {
      try {
        page.isEnabled();
        return false;
      } catch (StaleElementReferenceException replaced) {
        return true;
      } catch (WebDriverException asked) {
        if (String.valueOf(asked.getMessage()).contains("does not belong to the document")) {
          return true;
        }
        throw asked;
      }
    };
  }

  // The old page gone is not the new one ready: a lookup made while it still parses can find a
  // node the parser then replaces ("node does not belong to the document").
  private Browser loaded() {
    new WebDriverWait(driver, Duration.ofSeconds(15))
        .until(
            ready ->
                "complete"
                    .equals(
                        ((JavascriptExecutor) ready).executeScript("return document.readyState")));
    return this;
  }

  /** The keyboard alone: what someone who cannot use a mouse has. */
  public Keyboard keyboard() {
    return new Keyboard();
  }

  /** Moves focus with Tab, never by clicking, and acts with Enter, Space and typing. */
  public final class Keyboard {

    private static final int MOST_TABS = 300;

    private Keyboard() {}

    /** Tabs forward until the focused element's text or label reads {@code name}. */
    public Keyboard tabTo(String name) {
      for (int i = 0; i < MOST_TABS; i++) {
        tab();
        if (name.equals(focusedName())) {
          return this;
        }
      }
      throw new AssertionError("Tab never reached \"" + name + "\" on " + path());
    }

    public Keyboard tab() {
      driver.switchTo().activeElement().sendKeys(Keys.TAB);
      return this;
    }

    public Keyboard type(String text) {
      driver.switchTo().activeElement().sendKeys(text);
      return this;
    }

    public Keyboard space() {
      driver.switchTo().activeElement().sendKeys(Keys.SPACE);
      return this;
    }

    /** Presses Enter on a link or button and waits for the page it opens. */
    public Browser enter() {
      WebElement page = driver.findElement(By.tagName("html"));
      driver.switchTo().activeElement().sendKeys(Keys.ENTER);
      new WebDriverWait(driver, Duration.ofSeconds(15)).until(gone(page));
      return loaded();
    }

    private String focusedName() {
      Object name =
          ((JavascriptExecutor) driver)
              .executeScript(
                  "const el = document.activeElement;"
                      + " const label = el.labels && el.labels.length ? el.labels[0] : null;"
                      + " return ((label || el).innerText || '').trim();");
      return name == null ? "" : name.toString();
    }
  }

  /** Signs in through the development sign-in page, as a tester would. */
  public Browser signInAs(String subject, String role, String agency, String... areas) {
    visit("/sign-in");
    type("subject", subject).choose(role).type("agency", agency);
    for (String area : areas) {
      choose(area);
    }
    press("Sign in");
    if (path().startsWith("/sign-in")) {
      throw new IllegalStateException("Signing in as " + subject + " failed: " + text());
    }
    return this;
  }

  /** The page passes axe-core's WCAG 2.2 AA rules, and its screenshot is kept as {@code name}. */
  public Browser checkPage(String name) {
    screenshot(name);
    Results results = new AxeBuilder().withTags(WCAG_22_AA).analyze(driver);
    assertThat(results.getViolations())
        .as("axe violations on %s (%s): %s", name, path(), describe(results.getViolations()))
        .isEmpty();
    return this;
  }

  public void screenshot(String name) {
    keep(name, (TakesScreenshot) driver);
  }

  /** A screenshot of one part of the page, however far it reaches below the window. */
  public Browser screenshotOf(By part, String name) {
    return screenshotOf(part, name, driver.manage().window().getSize().getWidth());
  }

  /**
   * As {@link #screenshotOf(By, String)}, with the window {@code width} pixels wide: 320 shows the
   * page as on a small phone.
   */
  public Browser screenshotOf(By part, String name, int width) {
    Dimension window = driver.manage().window().getSize();
    try {
      driver.manage().window().setSize(new Dimension(width, window.getHeight()));
      long page =
          ((Number)
                  ((JavascriptExecutor) driver)
                      .executeScript("return document.documentElement.scrollHeight"))
              .longValue();
      driver.manage().window().setSize(new Dimension(width, (int) page + 200));
      keep(name, find(part));
    } finally {
      driver.manage().window().setSize(window);
    }
    return this;
  }

  private static void keep(String name, TakesScreenshot source) {
    try {
      Files.createDirectories(SCREENSHOTS);
      File shot = source.getScreenshotAs(OutputType.FILE);
      Files.copy(
          shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new IllegalStateException("Could not keep the screenshot " + name, e);
    }
  }

  private static String describe(List<Rule> violations) {
    return violations.stream()
        .map(
            rule ->
                rule.getId()
                    + " ("
                    + rule.getNodes().stream()
                        .map(node -> String.valueOf(node.getTarget()))
                        .collect(Collectors.joining(", "))
                    + ")")
        .collect(Collectors.joining("; "));
  }

  @Override
  public void close() {
    driver.quit();
  }
}
