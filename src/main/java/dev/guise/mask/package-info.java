/**
 * Mask definitions, their registry and one class per mask family; pure functions of value and
 * generator.
 */
package dev.guise.mask;
