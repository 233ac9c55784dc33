package org.matac.testing;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.matac.infra.DevelopmentTokenIssuer;

/**
 * Tokens an attacker or a misconfigured partner would send, each carrying the roles and agency that
 * would otherwise be allowed, so that only the flaw named can make the service refuse it.
 */
public final class ForgedTokens {

  private ForgedTokens() {}

  /** Each forged token by the flaw it has. */
  public static Map<String, String> against(
      DevelopmentTokenIssuer trusted, String subject, String role, String agency) {
    List<String> roles = List.of(role);
    Duration hour = Duration.ofHours(1);
    Map<String, String> tokens = new LinkedHashMap<>();
    JWTClaimsSet valid = trusted.claims(subject, roles, agency, List.of(), hour).build();

    tokens.put("alg none (unsigned)", new PlainJWT(valid).serialize());
    tokens.put("HS256 signed with the public key", hs256WithPublicKey(trusted, valid));
    tokens.put(
        "missing exp",
        trusted.sign(
            trusted.claims(subject, roles, agency, List.of(), hour).expirationTime(null).build()));
    tokens.put(
        "expired",
        trusted.sign(
            trusted
                .claims(subject, roles, agency, List.of(), hour)
                .issueTime(Date.from(Instant.now().minusSeconds(7200)))
                .notBeforeTime(Date.from(Instant.now().minusSeconds(7200)))
                .expirationTime(Date.from(Instant.now().minusSeconds(3600)))
                .build()));
    tokens.put(
        "not valid yet (nbf an hour ahead)",
        trusted.sign(
            trusted
                .claims(subject, roles, agency, List.of(), hour)
                .notBeforeTime(Date.from(Instant.now().plusSeconds(3600)))
                .build()));
    tokens.put(
        "wrong iss",
        trusted.sign(
            trusted
                .claims(subject, roles, agency, List.of(), hour)
                .issuer("someone-else")
                .build()));
    tokens.put(
        "missing iss",
        trusted.sign(trusted.claims(subject, roles, agency, List.of(), hour).issuer(null).build()));
    tokens.put(
        "wrong aud",
        trusted.sign(
            trusted
                .claims(subject, roles, agency, List.of(), hour)
                .audience("another-system")
                .build()));
    tokens.put(
        "missing aud",
        trusted.sign(
            trusted
                .claims(subject, roles, agency, List.of(), hour)
                .audience((String) null)
                .build()));
    tokens.put(
        "lifetime over the maximum",
        trusted.sign(
            trusted.claims(subject, roles, agency, List.of(), Duration.ofDays(30)).build()));
    tokens.put(
        "unknown kid",
        DevelopmentTokenIssuer.withEphemeralKey().mint(subject, roles, agency, List.of(), hour));
    tokens.put("not a token", "this-is-not-a-jwt");
    return tokens;
  }

  private static String hs256WithPublicKey(DevelopmentTokenIssuer trusted, JWTClaimsSet claims) {
    try {
      byte[] secret =
          trusted.publicKey().toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.HS256)
                  .keyID(trusted.publicKey().getKeyID())
                  .build(),
              claims);
      jwt.sign(new MACSigner(secret));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
