/**
 * Ruleset YAML to an immutable model with source positions, and the diagnostics found on the way.
 */
package dev.guise.ruleset;
