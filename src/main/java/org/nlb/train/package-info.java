/**
 * SSL pretraining (DESIGN §5, §7 {@code nlb pretrain}): the validated run configuration with its
 * recipes ({@link org.nlb.train.PretrainConfig}), the training loop written from DJL parts
 * ({@link org.nlb.train.PretrainSession}), listeners for progress, the CSV log and checkpoints,
 * and the run into an output directory with bit-for-bit resume ({@link org.nlb.train.Pretrainer}).
 * The optimisers and the learning-rate schedule live in {@code org.nlb.optim}, shared with the
 * linear probe of {@code org.nlb.eval}.
 */
package org.nlb.train;
