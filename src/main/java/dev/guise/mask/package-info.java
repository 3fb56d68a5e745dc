/**
 * Mask definitions, their registry and one class per mask family; pure functions of value and
 * generator. {@link dev.guise.mask.MaskBuilder} turns a {@code masks} list's YAML into a checked
 * pipeline.
 */
package dev.guise.mask;
