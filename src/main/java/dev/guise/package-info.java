/** Guise: masks sensitive data in databases from DataMasque-style rulesets. */
package dev.guise;
