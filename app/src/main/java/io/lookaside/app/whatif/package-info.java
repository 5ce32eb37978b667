/**
 * The what-if tab: every model the analysis ran with its savings at window ∞, the selected
 * model's sweep, assumptions, remarks and removed requests; the profiles' predicted counts and
 * wait against the capture's.
 */
package io.lookaside.app.whatif;
