/**
 * Measuring a frozen encoder (DESIGN §1 step 7, §4): its features ({@link org.nlb.eval.FeatureExtractor}),
 * a linear probe and a kNN monitor trained on the labeled downstream split, and the backdoor
 * metrics of triggered test images ({@link org.nlb.eval.BackdoorMetrics}).
 */
package org.nlb.eval;
