/**
 * Label-free poison selection (DESIGN §2): the feature matrix the selectors read, the budget
 * {@code M}, the registry of strategies ({@link org.nlb.poison.select.SelectionStrategy}) and the
 * selectors themselves, plus the label-based metrics (CCR, target class) used only to evaluate a
 * selection. The contrastive family computes the similarity matrix in blocks, each symmetric
 * pair once when its per-row stores fit the heap, and never holds N × N values.
 */
package org.nlb.poison.select;
