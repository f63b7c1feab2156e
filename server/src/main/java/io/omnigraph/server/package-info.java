/** The server layer. See docs/architecture.md for what lands here. */
package io.omnigraph.server;
