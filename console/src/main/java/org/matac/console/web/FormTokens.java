package org.matac.console.web;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token every form carries against cross-site request forgery: an HMAC of the person's session
 * token under the console's secret. It needs no storage, holds on every instance that shares the
 * secret, and is worthless with any other session.
 */
@Singleton
public class FormTokens {

  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;

  public FormTokens(@Value("${matac.console.form-secret}") String secret) {
    if (secret.isBlank()) {
      throw new IllegalStateException(
          "matac.console.form-secret (CONSOLE_FORM_SECRET) is not set: forms cannot be protected");
    }
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
  }

  public String tokenFor(String session) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(mac.doFinal(session.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("The JDK has no " + ALGORITHM, e);
    }
  }

  public boolean isValid(String session, String presented) {
    if (presented == null) {
      return false;
    }
    return MessageDigest.isEqual(
        tokenFor(session).getBytes(StandardCharsets.UTF_8),
        presented.getBytes(StandardCharsets.UTF_8));
  }
}
