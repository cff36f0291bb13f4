/**
 * SSL pretraining (DESIGN §5, §7 {@code nlb pretrain}): the validated run configuration with its
 * recipes ({@link org.nlb.train.PretrainConfig}), the training loop written from DJL parts
 * ({@link org.nlb.train.PretrainSession}), listeners for progress, the CSV log and checkpoints,
 * and the run into an output directory with bit-for-bit resume ({@link org.nlb.train.Pretrainer}).
 */
package org.nlb.train;
