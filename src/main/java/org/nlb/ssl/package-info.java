/**
 * The self-supervised methods of DESIGN §5, one small class each behind {@link org.nlb.ssl.SslMethod}
 * (SimCLR, MoCo v2+, BYOL, Barlow Twins; by name through {@link org.nlb.ssl.SslMethodKind}), built
 * by composition from a backbone, MLP heads, a loss of {@link org.nlb.ssl.loss}, and where the
 * method has them an EMA target ({@link org.nlb.ssl.MomentumUpdater}) and queues
 * ({@link org.nlb.ssl.MocoQueue}) — solo-learn's CIFAR recipes ({@link org.nlb.ssl.MethodParams}).
 */
package org.nlb.ssl;
