package org.matac.importer;

/** A mapping file, or a file the mapping does not fit, that stops the import before any row. */
final class MappingException extends RuntimeException {
  MappingException(String message) {
    super(message);
  }
}
