package org.matac.notification.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a webhook body is signed, so a partner's case system can check it came from us, unaltered and
 * recently: HMAC-SHA256 with the agency's secret over {@code timestamp + "." + body}, the timestamp
 * in epoch seconds sent beside it. A receiver refuses a timestamp outside its tolerance, so a
 * captured request cannot be replayed later.
 */
public final class WebhookSignature {

  public static final String TIMESTAMP_HEADER = "X-Matac-Timestamp";
  public static final String SIGNATURE_HEADER = "X-Matac-Signature";
  public static final String DELIVERY_HEADER = "X-Matac-Delivery";
  private static final String PREFIX = "sha256=";

  private WebhookSignature() {}

  /** The signature header's value for {@code body} sent at {@code timestamp}. */
  public static String sign(String secret, long timestamp, String body) {
    return PREFIX + HexFormat.of().formatHex(mac(secret, timestamp + "." + body));
  }

  /**
   * What a receiver does: true when the signature matches and the timestamp is within {@code
   * tolerance} of {@code now}.
   */
  public static boolean verify(
      String secret,
      long timestamp,
      String body,
      String signature,
      Instant now,
      Duration tolerance) {
    if (Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
      return false;
    }
    byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
    byte[] given = signature.getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given);
  }

  private static byte[] mac(String secret, String content) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
