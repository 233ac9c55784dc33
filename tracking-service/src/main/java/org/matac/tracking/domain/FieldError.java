package org.matac.tracking.domain;

/** One reason an envelope was rejected: the JSON path of the field and what is wrong with it. */
public record FieldError(String field, String message) {}
