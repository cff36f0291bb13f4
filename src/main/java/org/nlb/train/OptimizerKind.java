package org.nlb.train;

/** The optimisers of DESIGN §5's recipes. */
public enum OptimizerKind {
    /** LARS excluding biases and BatchNorm parameters ({@link org.nlb.optim.Lars}). */
    lars,
    /** SGD with momentum and weight decay on every parameter ({@link org.nlb.optim.MomentumSgd}). */
    sgd
}
