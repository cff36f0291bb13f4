/**
 * Label-free poison selection (DESIGN §2): the feature matrix the selectors read, the budget
 * {@code M}, the registry of strategies ({@link org.nlb.poison.select.SelectionStrategy}) and the
 * selectors themselves, plus the label-based metrics (CCR, target class) used only to evaluate a
 * selection. The contrastive family streams the similarity matrix in row blocks and never holds
 * N × N values.
 */
package org.nlb.poison.select;
