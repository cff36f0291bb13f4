package org.nlb.ssl.loss;

import ai.djl.ndarray.NDArray;
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

    static double requirePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a positive finite number, got " + value);
        }
        return value;
    }
}
