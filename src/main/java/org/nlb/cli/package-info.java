/** Thin picocli commands: parse options, call library code, print results. */
package org.nlb.cli;
