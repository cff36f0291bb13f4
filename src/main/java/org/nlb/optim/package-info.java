/**
 * Optimisers and learning-rate schedules, shared by SSL pretraining ({@code org.nlb.train}, DESIGN
 * §5) and the linear probe ({@code org.nlb.eval}, §4): LARS and SGD with momentum as DJL
 * {@link ai.djl.training.optimizer.Optimizer}s, and the warm-up + cosine learning-rate schedule,
 * all matching solo-learn's PyTorch conventions. Depends on DJL only, no other nlb package.
 */
package org.nlb.optim;
