/** Instance and run secrets and the keyed deterministic generator (HMAC-SHA256). */
package dev.guise.secret;
