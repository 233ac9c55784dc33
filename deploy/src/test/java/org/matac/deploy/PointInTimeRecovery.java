package org.matac.deploy;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.matac.infra.LocalPostgres;

/**
 * docs/operations.md's backup and point-in-time restore, done with the server's own programs:
 * pg_basebackup is PostgreSQL's usual tool, but Debian 12 serves it only for PostgreSQL 15 and the
 * stack runs 17, so the base backup is taken with the low-level API it is built on
 * (pg_backup_start, a copy of the data directory, pg_backup_stop) and the restore is the same as
 * after pg_basebackup.
 */
final class PointInTimeRecovery {

  /** What a base backup leaves out: rebuilt at start, or the WAL the archive holds. */
  private static final Set<String> CONTENTS_LEFT_OUT =
      Set.of(
          "pg_wal",
          "pg_replslot",
          "pg_dynshmem",
          "pg_notify",
          "pg_serial",
          "pg_snapshots",
          "pg_stat_tmp",
          "pg_subtrans");

  private static final Set<String> FILES_LEFT_OUT = Set.of("postmaster.pid", "postmaster.opts");

  /** recovery_target_time takes PostgreSQL's own form, not RFC 3339's T and Z. */
  private static final DateTimeFormatter POSTGRES_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS'+00'").withZone(ZoneOffset.UTC);

  private PointInTimeRecovery() {}

  /** Takes a base backup of the server {@code superuser} is connected to into {@code target}. */
  static void baseBackup(Connection superuser, Path dataDirectory, Path target)
      throws SQLException, IOException {
    try (Statement session = superuser.createStatement()) {
      session.execute("SELECT pg_backup_start('matac restore exercise', true)");
      copyLive(dataDirectory, target);
      Files.createDirectories(target.resolve("pg_wal").resolve("archive_status"));
      try (ResultSet stop =
          session.executeQuery("SELECT labelfile, spcmapfile FROM pg_backup_stop(true)")) {
        stop.next();
        Files.writeString(target.resolve("backup_label"), stop.getString("labelfile"));
        String tablespaces = stop.getString("spcmapfile");
        if (tablespaces != null && !tablespaces.isEmpty()) {
          Files.writeString(target.resolve("tablespace_map"), tablespaces);
        }
      }
    }
  }

  /** A restored server on its own port; stopping it leaves its data for inspection. */
  record RestoredServer(Path binaries, Path dataDirectory, int port) implements AutoCloseable {

    String jdbcUrl(String database) {
      return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    @Override
    public void close() throws IOException, InterruptedException {
      run(
          binaries.resolve("pg_ctl").toString(),
          "-D",
          dataDirectory.toString(),
          "-m",
          "fast",
          "-w",
          "stop");
    }
  }

  /**
   * Starts a new server from {@code backup}, replaying the archived WAL up to {@code target} and
   * then opening for writes, as a force restores to the moment before a mistake.
   */
  static RestoredServer restore(
      Path binaries, Path backup, Path walArchive, Instant target, int port)
      throws IOException, InterruptedException {
    Path work = backup.getParent();
    Path archiveCopy = work.resolve("wal-archive");
    copyLive(walArchive, archiveCopy);
    Files.writeString(backup.resolve("recovery.signal"), "");
    Files.writeString(
        backup.resolve("postgresql.auto.conf"),
        String.join(
            "\n",
            "restore_command = 'cp \"" + archiveCopy + "/%f\" \"%p\"'",
            "recovery_target_time = '" + POSTGRES_TIME.format(target) + "'",
            "recovery_target_action = 'promote'",
            ""),
        StandardOpenOption.APPEND);
    Files.setPosixFilePermissions(backup, PosixFilePermissions.fromString("rwx------"));
    asServerUser(work);
    Path log = work.resolve("restored-server.log");
    try {
      run(
          binaries.resolve("pg_ctl").toString(),
          "-D",
          backup.toString(),
          "-l",
          log.toString(),
          "-w",
          "-t",
          "120",
          "-o",
          "-p "
              + port
              + " -c listen_addresses=localhost -c archive_mode=off -c max_connections="
              + LocalPostgres.MAX_CONNECTIONS
              + " -c unix_socket_directories="
              + backup.getParent(),
          "start");
    } catch (IOException failed) {
      throw new IOException(
          failed.getMessage()
              + "\nServer log:\n"
              + (Files.exists(log) ? Files.readString(log) : ""),
          failed);
    }
    return new RestoredServer(binaries, backup, port);
  }

  /**
   * Copies a data directory that a running server keeps changing: a file gone meanwhile is fine.
   */
  private static void copyLive(Path source, Path target) throws IOException {
    Files.walkFileTree(
        source,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes)
              throws IOException {
            Path relative = source.relativize(directory);
            Files.createDirectories(target.resolve(relative.toString()));
            boolean leftOut =
                relative.getNameCount() == 1 && CONTENTS_LEFT_OUT.contains(relative.toString())
                    || directory.getFileName().toString().startsWith("pgsql_tmp");
            return leftOut ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
              throws IOException {
            Path relative = source.relativize(file);
            if (relative.getNameCount() == 1 && FILES_LEFT_OUT.contains(relative.toString())) {
              return FileVisitResult.CONTINUE;
            }
            try {
              Files.copy(
                  file, target.resolve(relative.toString()), StandardCopyOption.COPY_ATTRIBUTES);
            } catch (NoSuchFileException gone) {
              // Dropped by the server during the copy: the WAL replay accounts for it.
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException failure)
              throws IOException {
            if (failure instanceof NoSuchFileException) {
              return FileVisitResult.CONTINUE;
            }
            throw failure;
          }
        });
  }

  /**
   * PostgreSQL's programs refuse to run as root, and CI runs as root: there the restored server
   * runs as nobody, owning its copy of the backup and the archive.
   */
  private static void asServerUser(Path work) throws IOException, InterruptedException {
    if (ROOT) {
      run("chown", "-R", "nobody:nogroup", work.toString());
    }
  }

  private static final boolean ROOT = isRoot();

  private static boolean isRoot() {
    try {
      Process id = new ProcessBuilder("id", "-u").start();
      return new String(id.getInputStream().readAllBytes()).trim().equals("0");
    } catch (IOException e) {
      throw new IllegalStateException("id -u cannot be run", e);
    }
  }

  private static void run(String... command) throws IOException, InterruptedException {
    List<String> asServer = new ArrayList<>();
    if (ROOT && command[0].endsWith("pg_ctl")) {
      asServer.addAll(List.of("runuser", "-u", "nobody", "--"));
    }
    asServer.addAll(List.of(command));
    Process process = new ProcessBuilder(asServer).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + output);
    }
  }
}
