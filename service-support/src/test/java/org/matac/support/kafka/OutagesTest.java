package org.matac.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OutagesTest {

  @Nested
  class AnOutage {

    @Test
    void is_a_pool_that_cannot_get_a_connection_however_deep_it_is_wrapped() {
      var failure =
          new IllegalStateException(
              "storing failed",
              new RuntimeException(new SQLTransientConnectionException("request timed out")));

      assertThat(Outages.isOutage(failure)).isTrue();
    }

    @Test
    void is_a_database_connection_lost_or_refused_by_its_state() {
      assertThat(Outages.isOutage(new SQLException("I/O error", "08006"))).isTrue();
      assertThat(Outages.isOutage(new SQLException("terminating connection", "57P01"))).isTrue();
      assertThat(Outages.isOutage(new SQLException("starting up", "57P03"))).isTrue();
    }

    @Test
    void is_a_refused_socket_or_a_broker_that_did_not_acknowledge() {
      assertThat(Outages.isOutage(new ConnectException("refused"))).isTrue();
      assertThat(Outages.isOutage(new BrokerUnavailable("no ack", null))).isTrue();
    }
  }

  @Nested
  class NotAnOutage {

    @Test
    void is_a_constraint_the_message_broke() {
      assertThat(Outages.isOutage(new SQLException("duplicate key", "23505"))).isFalse();
      assertThat(Outages.passes(new SQLException("duplicate key", "23505"))).isFalse();
    }

    @Test
    void is_a_bug_in_the_handler() {
      assertThat(Outages.passes(new NullPointerException())).isFalse();
    }
  }

  @Test
  void a_deadlock_is_no_outage_but_passes_when_tried_again() {
    var deadlock = new SQLException("deadlock detected", "40P01");

    assertThat(Outages.isOutage(deadlock)).isFalse();
    assertThat(Outages.passes(deadlock)).isTrue();
  }
}
