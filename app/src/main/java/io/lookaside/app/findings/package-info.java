/**
 * The findings tab, as JDK Mission Control's automated analysis page: the rules' results sorted
 * by score and coloured by severity, with summary, explanation, fix and evidence to jump to.
 */
package io.lookaside.app.findings;
