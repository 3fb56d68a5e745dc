/**
 * YAML with source positions, typed mapping reads and the diagnostics model; shared by rulesets and
 * the connections file.
 */
package dev.guise.yaml;
