/**
 * Conversions of values between the Java types Guise works with, shared by masks ({@code typecast},
 * text forms) and database write-back, so a value converts the same way everywhere.
 */
package dev.guise.value;
