package org.matac.infra;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A development-only token issuer: an RSA key kept in a local file, a JWKS endpoint on loopback
 * that services trust only in their local profile, and a way to mint RS256 tokens with the
 * contract's claims. Never part of a deployment: a real partnership points the services at its own
 * identity provider's JWKS URL.
 */
public final class DevelopmentTokenIssuer implements AutoCloseable {

  public static final String ISSUER = "matac-local-development-issuer";
  public static final String AUDIENCE = "matac-hub";
  public static final String JWKS_PATH = "/.well-known/jwks.json";

  /**
   * Where the local console's development sign-in asks for a token: a form of {@code sub}, {@code
   * roles}, {@code agency} and {@code areas} (lists comma-separated), answered with the token as
   * text. It lives on loopback beside the JWKS, so the signing key never leaves this process.
   */
  public static final String TOKENS_PATH = "/development/tokens";

  private static final Duration SIGN_IN_LIFETIME = Duration.ofHours(8);

  private final RSAKey signingKey;
  private HttpServer server;

  private DevelopmentTokenIssuer(RSAKey signingKey) {
    this.signingKey = signingKey;
  }

  /** Loads the key kept in {@code keyFile}, creating it (readable by its owner only) if absent. */
  public static DevelopmentTokenIssuer withKeyIn(Path keyFile) throws IOException {
    try {
      if (Files.exists(keyFile)) {
        return new DevelopmentTokenIssuer(RSAKey.parse(Files.readString(keyFile)));
      }
      RSAKey key = generateKey();
      Files.createDirectories(keyFile.toAbsolutePath().getParent());
      Files.writeString(keyFile, key.toJSONString(), StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
      return new DevelopmentTokenIssuer(key);
    } catch (ParseException e) {
      throw new IOException("The development signing key in " + keyFile + " is unreadable", e);
    }
  }

  /** A key that lives only as long as this object: what tests use. */
  public static DevelopmentTokenIssuer withEphemeralKey() {
    return new DevelopmentTokenIssuer(generateKey());
  }

  private static RSAKey generateKey() {
    try {
      return new RSAKeyGenerator(2048)
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256)
          .keyID("dev-" + UUID.randomUUID())
          .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("The JDK could not generate an RSA key", e);
    }
  }

  /** Serves the public key set on loopback at {@link #JWKS_PATH}; {@code port} 0 picks one. */
  public DevelopmentTokenIssuer serveJwks(int port) throws IOException {
    byte[] jwks =
        new JWKSet(signingKey.toPublicJWK()).toString(true).getBytes(StandardCharsets.UTF_8);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext(
        JWKS_PATH,
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, jwks.length);
          try (OutputStream body = exchange.getResponseBody()) {
            body.write(jwks);
          }
        });
    server.createContext(TOKENS_PATH, this::mintForSignIn);
    server.start();
    return this;
  }

  private void mintForSignIn(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      Map<String, String> form =
          formFields(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      String subject = form.getOrDefault("sub", "");
      List<String> roles = commaSeparated(form.get("roles"));
      if (subject.isBlank() || roles.isEmpty()) {
        byte[] reason = "sub and roles are required".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(400, reason.length);
        exchange.getResponseBody().write(reason);
        return;
      }
      byte[] token =
          mint(
                  subject,
                  roles,
                  form.get("agency"),
                  commaSeparated(form.get("areas")),
                  SIGN_IN_LIFETIME)
              .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "text/plain");
      exchange.sendResponseHeaders(200, token.length);
      exchange.getResponseBody().write(token);
    }
  }

  private static Map<String, String> formFields(String body) {
    Map<String, String> fields = new HashMap<>();
    for (String pair : body.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        fields.put(
            URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return fields;
  }

  private static List<String> commaSeparated(String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  /** Where {@link #TOKENS_PATH} is served; only after {@link #serveJwks}. */
  public String tokensUrl() {
    return jwksUrl().replace(JWKS_PATH, TOKENS_PATH);
  }

  public String jwksUrl() {
    if (server == null) {
      throw new IllegalStateException("serveJwks was not called");
    }
    return "http://localhost:" + server.getAddress().getPort() + JWKS_PATH;
  }

  /** A token for {@code subject} with the given roles, agency and areas, valid for {@code ttl}. */
  public String mint(
      String subject, List<String> roles, String agency, List<String> areas, Duration ttl) {
    return sign(claims(subject, roles, agency, areas, ttl).build());
  }

  /** The claims {@link #mint} puts in a token, to adjust before {@link #sign signing}. */
  public JWTClaimsSet.Builder claims(
      String subject, List<String> roles, String agency, List<String> areas, Duration ttl) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .subject(subject)
        .issuer(ISSUER)
        .audience(AUDIENCE)
        .issueTime(Date.from(now))
        .notBeforeTime(Date.from(now.minusSeconds(5)))
        .expirationTime(Date.from(now.plus(ttl)))
        .jwtID(UUID.randomUUID().toString())
        .claim("roles", roles)
        .claim("agency", agency)
        .claim("areas", areas);
  }

  /** Signs any claims with this issuer's key, RS256, naming its key id. */
  public String sign(JWTClaimsSet claims) {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(signingKey.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            claims);
    try {
      jwt.sign(new RSASSASigner(signingKey));
    } catch (JOSEException e) {
      throw new IllegalStateException("Signing a development token failed", e);
    }
    return jwt.serialize();
  }

  /** The public half of the signing key, as the JWKS publishes it. */
  public RSAKey publicKey() {
    return signingKey.toPublicJWK();
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop(0);
    }
  }
}
