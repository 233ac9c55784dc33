package org.matac.scoring.domain;

/**
 * An ordinary least-squares line with an intercept, solved from its normal equations: enough for
 * the handful of covariates an evaluation adjusts for, with no library to trust.
 */
final class LeastSquares {

  /** Keeps a covariate that does not vary (or copies another) from making the system singular. */
  private static final double RIDGE = 1e-9;

  private LeastSquares() {}

  /** The intercept followed by one coefficient per column of {@code x}. */
  static double[] fit(double[][] x, double[] y) {
    int columns = x.length == 0 ? 1 : x[0].length + 1;
    double[][] normal = new double[columns][columns + 1];
    for (int row = 0; row < x.length; row++) {
      double[] withIntercept = withIntercept(x[row]);
      for (int i = 0; i < columns; i++) {
        for (int j = 0; j < columns; j++) {
          normal[i][j] += withIntercept[i] * withIntercept[j];
        }
        normal[i][columns] += withIntercept[i] * y[row];
      }
    }
    for (int i = 1; i < columns; i++) {
      normal[i][i] += RIDGE * Math.max(1, x.length);
    }
    return solve(normal);
  }

  static double predict(double[] fit, double[] covariates) {
    double prediction = fit[0];
    for (int i = 0; i < covariates.length; i++) {
      prediction += fit[i + 1] * covariates[i];
    }
    return prediction;
  }

  private static double[] withIntercept(double[] row) {
    double[] values = new double[row.length + 1];
    values[0] = 1;
    System.arraycopy(row, 0, values, 1, row.length);
    return values;
  }

  /** Gaussian elimination with partial pivoting on an augmented matrix. */
  private static double[] solve(double[][] augmented) {
    int n = augmented.length;
    for (int column = 0; column < n; column++) {
      int pivot = column;
      for (int row = column + 1; row < n; row++) {
        if (Math.abs(augmented[row][column]) > Math.abs(augmented[pivot][column])) {
          pivot = row;
        }
      }
      double[] swap = augmented[column];
      augmented[column] = augmented[pivot];
      augmented[pivot] = swap;
      if (augmented[column][column] == 0) {
        continue;
      }
      for (int row = 0; row < n; row++) {
        if (row != column) {
          double factor = augmented[row][column] / augmented[column][column];
          for (int k = column; k <= n; k++) {
            augmented[row][k] -= factor * augmented[column][k];
          }
        }
      }
    }
    double[] solution = new double[n];
    for (int i = 0; i < n; i++) {
      solution[i] = augmented[i][i] == 0 ? 0 : augmented[i][n] / augmented[i][i];
    }
    return solution;
  }
}
