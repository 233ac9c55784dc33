package org.matac.support.kafka;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Tells a failure of the database or the broker, which passes when they are back, from a failure of
 * the message itself. A consumer waits out the first and dead-letters only the second: an outage
 * must never turn valid records into dead letters that someone has to replay by hand.
 */
public final class Outages {

  /** PostgreSQL's states for a server going away or refusing connections for now. */
  private static final Set<String> SERVER_UNAVAILABLE = Set.of("57P01", "57P02", "57P03", "53300");

  private Outages() {}

  /** Whether {@code failure}, or anything that caused it, says a server is out of reach. */
  public static boolean isOutage(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = next(cause)) {
      if (cause instanceof SQLTransientConnectionException
          || cause instanceof SQLNonTransientConnectionException
          || cause instanceof ConnectException
          || cause instanceof RetriableException
          || cause instanceof BrokerUnavailable) {
        return true;
      }
      if (cause instanceof SQLException sql && isServerUnavailable(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether trying the same message again later can succeed: an outage, or a transaction the
   * database rolled back to resolve a conflict with another (a deadlock or a serialization
   * failure).
   */
  public static boolean passes(Throwable failure) {
    if (isOutage(failure)) {
      return true;
    }
    for (Throwable cause = failure; cause != null; cause = next(cause)) {
      if (cause instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("40")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isServerUnavailable(String state) {
    return state != null && (state.startsWith("08") || SERVER_UNAVAILABLE.contains(state));
  }

  private static Throwable next(Throwable cause) {
    return cause.getCause() == cause ? null : cause.getCause();
  }
}
