package org.matac.support.metrics;

import java.util.List;

/** Figures a service reads from its own database for operators to alert on. */
public interface FigureSource {

  /** Every measure this source reads: each is exposed from the start, even before it has a row. */
  List<Measure> measures();

  /**
   * Reads every figure now. A measure with no figure in the answer has none to show (no dead
   * letters from any topic, say), and its earlier figures are withdrawn.
   */
  List<Figure> read();
}
