/**
 * Optimisers and schedules for SSL pretraining (DESIGN §5): LARS and SGD with momentum as DJL
 * {@link ai.djl.training.optimizer.Optimizer}s, and the warm-up + cosine learning-rate schedule,
 * all matching solo-learn's PyTorch conventions.
 */
package org.nlb.train.optim;
