package org.nlb.ssl.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** Shape checks shared by the losses: every input is a batch of embeddings, one row each. */
final class Embeddings {
    /** The epsilon of PyTorch's {@code F.normalize}, which solo-learn's losses call. */
    static final double NORMALIZE_EPS = 1e-12;

    private Embeddings() {
    }

    /** Requires {@code array} to be a non-empty N×D matrix. */
    static void requireMatrix(String name, NDArray array) {
        Shape shape = array.getShape();
        if (shape.dimension() != 2 || shape.get(0) < 1 || shape.get(1) < 1) {
            throw new IllegalArgumentException(name + " must be a non-empty N×D matrix, got shape " + shape);
        }
    }

    /** Requires two N×D matrices of the same shape (two views of the same batch). */
    static void requireSameShape(String nameA, NDArray a, String nameB, NDArray b) {
        requireMatrix(nameA, a);
        requireMatrix(nameB, b);
        if (!a.getShape().equals(b.getShape())) {
            throw new IllegalArgumentException(nameA + " and " + nameB + " must have the same shape, got "
                    + a.getShape() + " and " + b.getShape());
        }
    }

    /** Each row divided by its L2 norm, as {@code F.normalize(x, dim=-1)}. */
    static NDArray unitRows(NDArray x) {
        return x.normalize(2, 1, NORMALIZE_EPS);
    }

    /**
     * {@code value} as a 0-d array of {@code like}'s type on {@code like}'s manager, alive until
     * that manager closes. Use it instead of DJL's {@code mul(Number)}, {@code div(Number)}, … on
     * anything a gradient flows through: those wrap the number in a temporary array over a Java
     * direct buffer and close it at once, while PyTorch's autograd keeps that tensor for the
     * backward pass (the gradient of x / c needs c). Once the buffer is garbage-collected the
     * backward pass reads freed memory: infinite or NaN gradients in some steps, depending on the
     * collector's timing ({@code LossConstantLifetimeTest} guards against it).
     */
    static NDArray constant(NDArray like, double value) {
        NDManager manager = like.getManager();
        return switch (like.getDataType()) {
            case FLOAT64 -> manager.create(value);
            case FLOAT32 -> manager.create((float) value);
            default -> manager.create(value).toType(like.getDataType(), false);
        };
    }

    static double requirePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a positive finite number, got " + value);
        }
        return value;
    }
}
