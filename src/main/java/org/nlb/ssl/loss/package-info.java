/**
 * The self-supervised losses of DESIGN §5, one small class each: NT-Xent (SimCLR), InfoNCE with
 * a negative queue (MoCo v2+), normalised MSE (BYOL) and the Barlow Twins redundancy reduction.
 * Each takes DJL arrays of embeddings and returns a differentiable scalar; scaling, temperature
 * and normalisation conventions are those of solo-learn's {@code solo/losses}, pinned by tests
 * against naive references written from the papers' formulas.
 */
package org.nlb.ssl.loss;
