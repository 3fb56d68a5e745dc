package dev.guise.discovery;

/**
 * How a ruleset covers one sensitive column.
 *
 * @param maskedBy the rule that masks it, e.g. {@code ruleset.yml:12:9 mask_table customers rule
 *     email}, or null when none does
 * @param gap what leaves rows unmasked although a rule exists (a {@code where}, {@code skip} or
 *     {@code if}), or null
 */
public record Coverage(Finding finding, String maskedBy, String gap) {
  public boolean covered() {
    return maskedBy != null;
  }
}
