/** The pure compiler: schema and query languages, catalog, type checker, migration planner. */
package io.omnigraph.compiler;
