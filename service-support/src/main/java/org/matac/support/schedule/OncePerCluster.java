package org.matac.support.schedule;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import org.matac.support.sql.Sql;

/**
 * Lets exactly one instance of a service run a scheduled job for a given slot (a night, an hour),
 * however many instances fire the same schedule: the first to record the slot runs it, the others
 * find it taken. The record stays, so the same slot never runs twice, even after a restart.
 */
@Singleton
public class OncePerCluster {

  private final Sql sql;

  /** Names this instance in the record of who ran what: the host and the process. */
  private final String instance;

  public OncePerCluster(Sql sql) {
    this.sql = sql;
    this.instance = hostName() + "/" + ProcessHandle.current().pid();
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown-host";
    }
  }

  /** Answers whether this instance won {@code job}'s {@code slot} and must run it. */
  @Transactional
  public boolean claim(String job, String slot, Instant now) {
    return sql.update(
            "INSERT INTO scheduled_run (job, slot, claimed_by, claimed_at) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (job, slot) DO NOTHING",
            job,
            slot,
            instance,
            now)
        == 1;
  }
}
