package org.matac.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.matac.deploy.bench.FaultSuite;

/**
 * The fault suite's brief run in the build, on a stack of its own: a history and live incidents
 * through two instances of each service, three instances killed with SIGKILL, the broker restarted
 * and PostgreSQL crashed, a poison message on every consumed topic. Nothing accepted may be lost or
 * done twice, and only the poison may be dead-lettered. deploy/benchmarks/bench-faults.sh runs the
 * full plan.
 */
class FaultSuiteTest {

  @Test
  void loses_nothing_repeats_nothing_and_dead_letters_only_the_poison() throws Exception {
    FaultSuite.Report report;
    try (LocalStack stack = LocalStack.start(RunningStack.freshSettings("matac-faults-"))) {
      report = new FaultSuite(stack, FaultSuite.Plan.brief(7)).run();
    }
    System.out.println(report.lines());

    assertThat(report.killsSurvived()).isEqualTo(3);
    assertThat(report.brokerRestarts()).isEqualTo(1);
    assertThat(report.databaseCrashes()).isEqualTo(1);
    assertThat(report.eventsLost()).as("events lost").isZero();
    assertThat(report.eventsCollectedTwice()).as("events collected twice").isZero();
    assertThat(report.peopleNotScoredAtTheirLatestVersion())
        .as("people behind in scoring")
        .isZero();
    assertThat(report.scoresRecordedTwice()).as("scores recorded twice").isZero();
    assertThat(report.noticesMissing()).as("notices missing").isZero();
    assertThat(report.noticesTwice()).as("notices twice").isZero();
    assertThat(report.poisonDeadLettered())
        .as("poison dead-lettered")
        .isEqualTo(report.poisonSent());
    assertThat(report.otherDeadLetters()).as("anything else dead-lettered").isZero();
    assertThat(report.auditChainsIntact()).as("audit chains intact").isTrue();
  }
}
